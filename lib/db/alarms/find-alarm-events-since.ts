import type { Db } from "../client";

export interface TAlarmEventRow {
  seq: number;
  alarmId: string | null;
  unitId: string;
  type: string;
  at: number;
  /** A JSON object; an audio pause's holds `until` (find-audio-pause.ts reads it). */
  details: unknown;
  actorId: string | null;
  /** For the engine: which episode and rule an acknowledged alarm belongs to. */
  alarm: { episodeId: string; ruleId: string; origin: string } | null;
}

/** The alarm log after `sinceSeq`, in seq order: what the server's tailer broadcasts. */
export async function findAlarmEventsSince({ db, sinceSeq, limit }: { db: Db; sinceSeq: number; limit: number }): Promise<TAlarmEventRow[]> {
  const rows = await db.alarmEvent.findMany({
    where: { seq: { gt: sinceSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, alarmId: true, unitId: true, type: true, at: true, details: true, actorId: true, alarm: { select: { episodeId: true, ruleId: true, origin: true } } },
  });
  return rows.map((r) => ({ ...r, at: r.at.getTime() }));
}

/** The newest alarm seq: where a tailer starts (screens replay anything older themselves). */
export async function getLastAlarmSeq({ db }: { db: Db }): Promise<number> {
  const last = await db.alarmEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return last?.seq ?? 0;
}
