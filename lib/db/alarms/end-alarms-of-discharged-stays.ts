import { OPEN_ALARM_STATUSES } from "@/lib/alarms/alarm-dto";
import type { Db } from "../client";
import { appendAlarmEvent } from "./append-alarm-event";

/**
 * Ends every open alarm of stays that have been discharged (resolution "discharged"), whoever raised it and whatever
 * ran: the patient has left the bed, nobody can act on them there. The engine's clock calls it before ending the
 * alarms of ended episodes, so that a death or transfer discharge, which also ends the support, ends them by the
 * discharge. Returns the discharged stays' ids, so that the engine forgets them.
 */
export async function endAlarmsOfDischargedStays({
  db,
  now,
  fence,
}: {
  db: Db;
  now: Date;
  /** The leader's epoch check on several nodes (server/alarms/alarm-engine.ts). */
  fence?: (tx: Pick<Db, "leaderEpoch">) => Promise<void>;
}): Promise<string[]> {
  // The same shape as endAlarmsOfEndedEpisodes' query, on the same tick: the open alarms, through their stay.
  const open = await db.alarm.findMany({
    where: { status: { in: [...OPEN_ALARM_STATUSES] }, stay: { dischargedAt: { not: null } } },
    select: { id: true, unitId: true, bedId: true, ruleId: true, stayId: true },
  });
  if (open.length === 0) return [];
  await db.$transaction(async (tx) => {
    await fence?.(tx);
    // Every alarm row first, then the events: the first event takes the log-order lock, and holding it this transaction
    // must not wait for an alarm row, which an acknowledgement holds while it waits for that lock (deadlock detected;
    // docs/deployment-database.md, "Lock order").
    for (const alarm of open)
      await tx.alarm.update({
        where: { id: alarm.id },
        data: { status: "resolved", openKey: null, conditionActive: false, resolvedAt: now, resolution: "discharged" },
      });
    for (const alarm of open)
      await appendAlarmEvent({
        db: tx,
        alarm: { ...alarm, status: "resolved" },
        type: "discharged",
        at: now,
        actor: null,
        context: null,
      });
  });
  return [...new Set(open.map((a) => a.stayId))];
}
