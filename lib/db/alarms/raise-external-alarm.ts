import { randomUUID } from "node:crypto";
import { alarmOpenKey, type TRaiseExternalAlarm, ZRaiseExternalAlarmSchema } from "@/lib/alarms/external-alarm-schema";
import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import type { AlarmOrigin } from "../generated/enums";
import { AppError } from "../../errors/app-error";
import { appendAlarmEvent, type TAlarmDb } from "./append-alarm-event";

export interface TRaiseExternalAlarmOptions {
  /** The raiser's own transaction (or the client): the alarm commits with the finding that raised it. */
  db: TAlarmDb & Pick<Db, "supportEpisode">;
  input: TRaiseExternalAlarm;
  /** Who recorded the finding; null for an automatic raiser. */
  actor: TAuditActor | null;
  context: TRequestContext | null;
  /** Which feature raises it ("rounds"): stored as the alarm's origin. */
  origin: AlarmOrigin;
  now?: Date;
}

export interface TRaisedExternalAlarm {
  alarmId: string;
  /** The AlarmEvent that announces it; null when the same alarm was already open (nothing written). */
  eventSeq: number | null;
}

const ENGINE_RULE_IDS = new Set(DEFAULT_ALARM_RULES.map((r) => r.id));

/**
 * Raises an alarm from outside the engine, e.g. a round's abnormal finding, in the caller's transaction. Idempotent
 * on (episode, rule, subject): while that alarm is open, raising it again returns it unchanged. The screens learn of
 * it from the AlarmEvent log, which the server's change feed reads after commit.
 */
export async function raiseExternalAlarm({
  db,
  input,
  actor,
  context,
  origin,
  now = new Date(),
}: TRaiseExternalAlarmOptions): Promise<TRaisedExternalAlarm> {
  const parsed = ZRaiseExternalAlarmSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", `alarm ${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
  }
  const alarm = parsed.data;
  if (ENGINE_RULE_IDS.has(alarm.ruleId) || origin === "engine") {
    throw new AppError(
      "INVALID_INPUT",
      `rule "${alarm.ruleId}" belongs to the alarm engine: an outside raiser needs its own rule id`,
    );
  }
  const episode = await db.supportEpisode.findUnique({
    where: { id: alarm.episodeId },
    select: { bedId: true, stayId: true, endedAt: true, bed: { select: { unitId: true } } },
  });
  if (!episode) throw new AppError("NOT_FOUND", `no support episode "${alarm.episodeId}"`);
  if (episode.endedAt !== null)
    throw new AppError("CONFLICT", `support episode "${alarm.episodeId}" has ended: no alarm can be raised on it`);

  const openKey = alarmOpenKey(alarm.episodeId, alarm.ruleId, alarm.subjectKey);
  const open = await db.alarm.findUnique({ where: { openKey }, select: { id: true } });
  if (open) return { alarmId: open.id, eventSeq: null };

  const created = await db.alarm.create({
    data: {
      id: randomUUID(),
      unitId: episode.bed.unitId,
      bedId: episode.bedId,
      stayId: episode.stayId,
      episodeId: alarm.episodeId,
      ruleId: alarm.ruleId,
      subjectKey: alarm.subjectKey,
      openKey,
      origin,
      priority: alarm.priority,
      messageKey: alarm.messageKey,
      limitSource: "external",
      conditionSince: now,
      raisedAt: now,
      status: "active",
      details: { summary: alarm.summary, refs: alarm.refs },
      // Set to the raise's event just below, in the same transaction.
      lastEventSeq: 0,
    },
    select: { id: true, unitId: true, bedId: true, ruleId: true, status: true },
  });
  const eventSeq = await appendAlarmEvent({
    db,
    alarm: created,
    type: "raised",
    at: now,
    actor,
    context,
    details: { origin, priority: alarm.priority, subjectKey: alarm.subjectKey },
  });
  return { alarmId: created.id, eventSeq };
}
