import { z } from "zod";
import { ALARM_PRIORITIES, type TAlarmPriority } from "@/lib/alarms/rule-schema";
import type { TAlarmSection } from "@/lib/handover";
import type { Db } from "../client";

/**
 * The alarms of a stay over [startsAt, coversUntil) (docs/alarms.md): those raised in the period, counted by
 * priority, and those still on the list at its end, each with its status then (from the newest AlarmEvent before
 * the end, so that a past shift reads as it was, not as it is now).
 */
export async function readShiftAlarms({
  db,
  stayId,
  startsAt,
  coversUntil,
}: {
  db: Db;
  stayId: string;
  startsAt: number;
  coversUntil: number;
}): Promise<TAlarmSection> {
  const alarms = await db.alarm.findMany({
    where: {
      // The stay's, support or none (alarms carry their stay): a lactate before cannulation, a limb after removal.
      stayId,
      raisedAt: { lt: new Date(coversUntil) },
      OR: [
        { raisedAt: { gte: new Date(startsAt) } },
        { resolvedAt: null },
        { resolvedAt: { gte: new Date(coversUntil) } },
      ],
    },
    orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
  });
  const events = alarms.length
    ? await db.alarmEvent.findMany({
        where: { alarmId: { in: alarms.map((a): string => a.id) }, at: { lt: new Date(coversUntil) } },
        orderBy: { seq: "asc" },
        select: { alarmId: true, status: true },
      })
    : [];
  const statusAtEnd = new Map<string, string>();
  for (const e of events) if (e.alarmId && e.status) statusAtEnd.set(e.alarmId, e.status);

  const items = alarms.map((a) => {
    const resolvedInPeriod = a.resolvedAt !== null && a.resolvedAt.getTime() < coversUntil;
    return {
      id: a.id,
      priority: a.priority,
      ruleId: a.ruleId,
      messageKey: a.messageKey,
      summary: summaryOf(a.details),
      parameter: a.parameter,
      value: a.value,
      limit: a.limit,
      comparison: a.comparison,
      valueUnit: a.valueUnit,
      raisedAt: a.raisedAt.getTime(),
      resolvedAt: resolvedInPeriod ? (a.resolvedAt?.getTime() ?? null) : null,
      status: statusAtEnd.get(a.id) ?? (resolvedInPeriod ? "resolved" : a.status),
    };
  });
  const raised = items.filter((a) => a.raisedAt >= startsAt);
  const counts = { high: 0, medium: 0, low: 0, technical: 0 };
  for (const a of raised) counts[a.priority] += 1;
  const order = (
    a: { priority: TAlarmPriority; raisedAt: number },
    b: { priority: TAlarmPriority; raisedAt: number },
  ) => ALARM_PRIORITIES.indexOf(a.priority) - ALARM_PRIORITIES.indexOf(b.priority) || a.raisedAt - b.raisedAt;
  return {
    available: true,
    counts,
    raised: [...raised].sort(order),
    active: items.filter((a) => a.status !== "resolved").sort(order),
  };
}

const ZSummary = z.object({ en: z.string(), fr: z.string() });

/** An outside raiser's finding in each language (details.summary), as the station's alarm list reads it. */
function summaryOf(details: unknown): { en: string; fr: string } | null {
  const parsed = ZSummary.safeParse((details as { summary?: unknown } | null)?.summary);
  return parsed.success ? parsed.data : null;
}
