import { OPEN_ALARM_STATUSES } from "@/lib/alarms/alarm-dto";
import type { Db } from "../client";
import { appendAlarmEvent } from "./append-alarm-event";

/**
 * Ends the open alarms of episodes that have ended (a discharge, a decannulation): nobody can act on them at that bed
 * any more. Returns the ended episodes' ids, so that the engine forgets them.
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
}): Promise<string[]> {
  const open = await db.alarm.findMany({
    where: { status: { in: [...OPEN_ALARM_STATUSES] }, episode: { endedAt: { not: null } } },
    select: { id: true, unitId: true, bedId: true, ruleId: true, episodeId: true },
  });
  if (open.length === 0) return [];
  await db.$transaction(async (tx) => {
    await fence?.(tx);
    for (const alarm of open) {
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
      await appendAlarmEvent({
        db: tx,
        alarm: { ...alarm, status: "resolved" },
        type: "episode-ended",
        at: now,
        actor: null,
        context: null,
      });
    }
  });
  return [...new Set(open.map((a) => a.episodeId))];
}
