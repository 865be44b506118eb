import { alarmOpenKey, type TClearExternalAlarm, ZClearExternalAlarmSchema } from "@/lib/alarms/external-alarm-schema";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import type { TAlarmDb, TAppendAlarmEvent } from "./append-alarm-event";
import { alarmInputError } from "./alarm-input-error";

export interface TClearExternalAlarmOptions {
  db: TAlarmDb;
  input: TClearExternalAlarm;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  /** Only the feature that raised an alarm may clear it. */
  origin: string;
  now?: Date;
}

/**
 * The alarm row of clearExternalAlarm, without its event, which it answers for the caller to append after its last
 * alarm row, as raiseExternalAlarmRow does (docs/deployment-database.md, "Lock order"); null when no such alarm is
 * open (already ended: nothing to do).
 */
export async function clearExternalAlarmRow({
  db,
  input,
  actor,
  context,
  origin,
  now = new Date(),
}: TClearExternalAlarmOptions): Promise<TAppendAlarmEvent | null> {
  const parsed = ZClearExternalAlarmSchema.safeParse(input);
  if (!parsed.success) throw alarmInputError("alarm", parsed.error);
  const { episodeId, stayId, ruleId, subjectKey, resolution } = parsed.data;
  const open = await db.alarm.findUnique({
    where: { openKey: alarmOpenKey(stayId ?? episodeId ?? "", ruleId, subjectKey) },
    select: { id: true, origin: true },
  });
  if (!open) return null;
  if (open.origin !== origin)
    throw new AppError(
      "FORBIDDEN",
      `alarm "${ruleId}" was raised by ${open.origin}, not ${origin}: only its raiser clears it`,
    );
  const alarm = await db.alarm.update({
    where: { id: open.id },
    data: { status: "resolved", openKey: null, conditionActive: false, clearedAt: now, resolvedAt: now, resolution },
    select: { id: true, unitId: true, bedId: true, ruleId: true, status: true },
  });
  return {
    db,
    alarm,
    type: resolution === "cleared" ? "cleared" : "withdrawn",
    at: now,
    actor,
    context,
    details: { origin, subjectKey },
  };
}
