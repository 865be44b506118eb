import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import { judgedValue, type TComparator } from "@/lib/observations/lab-result";
import type { Db } from "../client";
import { sqlFor, timeParam } from "../dialect";
import { currentResultSql } from "../observations/current-result-sql";

interface Row {
  seq: number | bigint;
  parameter: string;
  value: number;
  observedAt: number | bigint | Date;
  comparator: TComparator | null;
}

/**
 * An episode's readings after `sinceSeq` (and not before `fromTime`), in seq order: what the engine replays to rebuild
 * its memory after a restart: current results only (a corrected or cancelled laboratory result is not judged again),
 * a censored one at the side its comparator says. Raw SQL: thousands of rows, read once, through the stay's (stayId, …) index, the episode's rows kept.
 */
export async function findEpisodeReadingsSince({
  db,
  stayId,
  episodeId,
  sinceSeq,
  fromTime = 0,
  limit,
}: {
  db: Db;
  stayId: string;
  episodeId: string;
  sinceSeq: number;
  fromTime?: number;
  limit: number;
}): Promise<TAlarmReading[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    sqlFor(
      db,
      `SELECT "seq","parameter","value","observedAt","comparator" FROM "Observation"
        WHERE "stayId" = ? AND "episodeId" = ? AND "seq" > ? AND "observedAt" >= ? AND ${currentResultSql()} ORDER BY "seq" LIMIT ?`,
    ),
    stayId,
    episodeId,
    sinceSeq,
    timeParam(db, fromTime),
    limit,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    parameter: r.parameter,
    value: judgedValue(r.value, r.comparator),
    observedAt: Number(r.observedAt),
  }));
}
