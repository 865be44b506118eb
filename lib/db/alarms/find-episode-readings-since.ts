import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import type { Db } from "../client";
import { sqlFor, timeParam } from "../dialect";

interface Row {
  seq: number | bigint;
  parameter: string;
  value: number;
  observedAt: number | bigint | Date;
}

/**
 * An episode's readings after `sinceSeq` (and not before `fromTime`), in seq order: what the engine replays to rebuild
 * its memory after a restart. Raw SQL: thousands of rows, read once, through the (episodeId, parameter, …) index.
 */
export async function findEpisodeReadingsSince({
  db,
  episodeId,
  sinceSeq,
  fromTime = 0,
  limit,
}: {
  db: Db;
  episodeId: string;
  sinceSeq: number;
  fromTime?: number;
  limit: number;
}): Promise<TAlarmReading[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    sqlFor(
      db,
      `SELECT "seq","parameter","value","observedAt" FROM "Observation"
        WHERE "episodeId" = ? AND "seq" > ? AND "observedAt" >= ? ORDER BY "seq" LIMIT ?`,
    ),
    episodeId,
    sinceSeq,
    timeParam(db, fromTime),
    limit,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    parameter: r.parameter,
    value: r.value,
    observedAt: Number(r.observedAt),
  }));
}
