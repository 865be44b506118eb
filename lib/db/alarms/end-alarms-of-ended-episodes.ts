import { OPEN_ALARM_STATUSES } from "@/lib/alarms/alarm-dto";
import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import type { Db } from "../client";
import { appendAlarmEvent } from "./append-alarm-event";

/**
 * Ends the open alarms of episodes that have ended (a decannulation, a balloon's removal) that are the episode's: an
 * outside raiser's keyed by its episode (a round finding, a protocol step) and an engine alarm still keyed by its
 * episode (raised before alarms were a stay's, migration 20261222000000_alarm_stay). An alarm keyed by its stay
 * outlives the support: the engine's is the engine's to judge, as its rule may still apply without the support (a
 * lactate), and the engine ends those that no longer do (endStayRuleAlarms); an outside raiser's (a refused lab
 * result) lasts until its raiser clears it. Returns how many it ended.
 */
export async function endAlarmsOfEndedEpisodes({
  db,
  now,
  fence,
}: {
  db: Db;
  now: Date;
  /** The leader's epoch check on several nodes (server/alarms/alarm-engine.ts). */
  fence?: (tx: Pick<Db, "leaderEpoch">) => Promise<void>;
}): Promise<number> {
  const found = await db.alarm.findMany({
    where: { status: { in: [...OPEN_ALARM_STATUSES] }, episode: { endedAt: { not: null } } },
    select: { id: true, unitId: true, bedId: true, ruleId: true, stayId: true, subjectKey: true, openKey: true },
  });
  const open = found.filter((a) => a.openKey !== alarmOpenKey(a.stayId, a.ruleId, a.subjectKey));
  if (open.length === 0) return 0;
  await db.$transaction(async (tx) => {
    await fence?.(tx);
    // Every alarm row first, then the events: the first event takes the log-order lock, and holding it this transaction
    // must not wait for an alarm row, which an acknowledgement holds while it waits for that lock (deadlock detected;
    // docs/deployment-database.md, "Lock order").
    for (const alarm of open)
      await tx.alarm.update({
        where: { id: alarm.id },
        data: {
          status: "resolved",
          openKey: null,
          conditionActive: false,
          resolvedAt: now,
          resolution: "episode-ended",
        },
      });
    for (const alarm of open)
      await appendAlarmEvent({
        db: tx,
        alarm: { ...alarm, status: "resolved" },
        type: "episode-ended",
        at: now,
        actor: null,
        context: null,
      });
  });
  return open.length;
}
