import { ZAcknowledgeAlarmSchema, type TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { TPrincipal } from "@/lib/auth/principal";
import { actorOf, type TRequestContext } from "../audit/record-audit-event";
import { assertUnitAccess } from "../auth/authorize";
import { announceCommit } from "../changes/announce-commit";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { appendAlarmEvent } from "./append-alarm-event";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "./to-alarm-dto";
import { alarmInputError } from "./alarm-input-error";

export interface TAcknowledgeAlarmOptions {
  db: Db;
  principal: TPrincipal;
  /** Parsed here: it comes from a socket or an HTTP body. */
  input: unknown;
  context: TRequestContext | null;
  /** "socket alarm:acknowledge": how it was asked, for a refusal's audit. */
  via: string;
  now?: Date;
}

/**
 * ACKNOWLEDGED (IEC 60601-1-8) by a signed-in clinician of the alarm's unit, with a reason: an alarm whose condition
 * holds stays on the list without flashing and clears with its condition; a latched alarm (its condition already
 * gone) ends. Recorded on the alarm, in its log and in the audit trail, in one transaction; the change feed tells
 * every screen (and the engine) from the log.
 */
export async function acknowledgeAlarm({
  db,
  principal,
  input,
  context,
  via,
  now = new Date(),
}: TAcknowledgeAlarmOptions): Promise<TAlarmDto> {
  const parsed = ZAcknowledgeAlarmSchema.safeParse(input);
  if (!parsed.success) throw alarmInputError("acknowledgement", parsed.error);
  const { alarmId, reason, comment } = parsed.data;
  const found = await db.alarm.findUnique({ where: { id: alarmId }, select: { unitId: true } });
  if (!found) throw new AppError("NOT_FOUND", `no alarm "${alarmId}"`, undefined, refusal("alarmNotFound"));
  await assertUnitAccess({
    db,
    principal,
    action: "alarm.acknowledge",
    unitId: found.unitId,
    context,
    target: { type: "alarm", id: alarmId },
    via,
  });

  const row = await db.$transaction(async (tx) => {
    const alarm = await tx.alarm.findUniqueOrThrow({
      where: { id: alarmId },
      select: { status: true, acknowledgedAt: true, unitId: true, bedId: true, ruleId: true },
    });
    if (alarm.status === "resolved")
      throw new AppError(
        "CONFLICT",
        "This alarm has already ended: nothing to acknowledge.",
        undefined,
        refusal("alarmEnded"),
      );
    if (alarm.acknowledgedAt !== null)
      throw new AppError(
        "CONFLICT",
        "This alarm is already ACKNOWLEDGED.",
        undefined,
        refusal("alarmAlreadyAcknowledged"),
      );
    // A latched alarm only waited for someone to see it; an alarm whose condition holds stays until it clears.
    const ends = alarm.status === "latched";
    const updated = await tx.alarm.update({
      where: { id: alarmId },
      data: {
        status: ends ? "resolved" : "acknowledged",
        acknowledgedAt: now,
        acknowledgedById: principal.userId,
        acknowledgedReason: reason,
        acknowledgedComment: comment ?? null,
        ...(ends ? { openKey: null, resolvedAt: now, resolution: "acknowledged" } : {}),
      },
      select: { status: true },
    });
    await appendAlarmEvent({
      db: tx,
      alarm: { id: alarmId, unitId: alarm.unitId, bedId: alarm.bedId, ruleId: alarm.ruleId, status: updated.status },
      type: "acknowledged",
      at: now,
      actor: actorOf(principal),
      context,
      details: { reason, ...(comment ? { comment } : {}) },
    });
    return tx.alarm.findUniqueOrThrow({ where: { id: alarmId }, select: ALARM_DTO_SELECT });
  });
  announceCommit(db);
  return toAlarmDto(row, await acknowledgerNames(db, [row]));
}
