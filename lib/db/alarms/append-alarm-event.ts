import type { TAlarmStatus } from "@/lib/alarms/alarm-dto";
import type { TAuditAction } from "@/lib/auth/audit-actions";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { toSeq } from "../seq";

/** The client or the transaction a change of an alarm is written in: its event and audit commit with it or not at all. */
export type TAlarmDb = Pick<Db, "alarm" | "alarmEvent" | "auditEvent">;

export const ALARM_EVENT_TYPES = [
  "raised",
  "resumed",
  "latched",
  "cleared",
  "acknowledged",
  "superseded",
  "episode-ended",
  "discharged",
  "withdrawn",
  "audio-paused",
] as const;
export type TAlarmEventType = (typeof ALARM_EVENT_TYPES)[number];

export interface TAppendAlarmEvent {
  db: TAlarmDb;
  /** The alarm as it is after the change. */
  alarm: { id: string; unitId: string; bedId: string; ruleId: string; status: TAlarmStatus };
  type: Exclude<TAlarmEventType, "audio-paused">;
  at: Date;
  /** Null for the engine and its clock. */
  actor: TAuditActor | null;
  context: TRequestContext | null;
  details?: Prisma.InputJsonObject;
}

/**
 * Appends one change of an alarm to its log, points the alarm at it, and audits it: the three writes every
 * transition makes, in the caller's transaction. Returns the event's seq; the server's change feed tells the screens
 * after commit, whoever wrote it.
 */
export async function appendAlarmEvent({
  db,
  alarm,
  type,
  at,
  actor,
  context,
  details = {},
}: TAppendAlarmEvent): Promise<number> {
  const event = await db.alarmEvent.create({
    data: {
      alarmId: alarm.id,
      unitId: alarm.unitId,
      bedId: alarm.bedId,
      type,
      at,
      actorId: actor?.userId ?? null,
      status: alarm.status,
      details,
    },
    select: { seq: true },
  });
  await db.alarm.update({ where: { id: alarm.id }, data: { lastEventSeq: event.seq } });
  await recordAuditEvent({
    db,
    action: `alarm.${type}` as const satisfies TAuditAction,
    actor,
    context,
    target: { type: "alarm", id: alarm.id },
    unitId: alarm.unitId,
    details: { ruleId: alarm.ruleId, bedId: alarm.bedId, status: alarm.status, eventSeq: toSeq(event.seq), ...details },
    now: at,
  });
  return toSeq(event.seq);
}
