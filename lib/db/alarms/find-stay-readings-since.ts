import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import { judgedValue, type TComparator } from "@/lib/observations/lab-result";
import type { Db } from "../client";
import { sqlFor, timeParam } from "../dialect";
import { currentResultSql } from "../observations/current-result-sql";

interface Row {
  seq: number | bigint;
  episodeId: string | null;
  parameter: string;
  value: number;
  observedAt: number | bigint | Date;
  comparator: TComparator | null;
}

/** A reading the engine replays, with the episode that ran at its time (null when none did). */
export type TStayReading = TAlarmReading & { readonly episodeId: string | null };

/**
 * A stay's readings after `sinceSeq` (and not before `fromTime`), in seq order, with or without a running episode:
 * what the engine replays to rebuild its memory after a restart: current results only (a corrected or cancelled
 * laboratory result is not judged again), a censored one at the side its comparator says. Raw SQL: thousands of
 * rows, read once, through the stay's (stayId, …) index.
 */
export async function findStayReadingsSince({
  db,
  stayId,
  sinceSeq,
  fromTime = 0,
  limit,
}: {
  db: Db;
  stayId: string;
  sinceSeq: number;
  fromTime?: number;
  limit: number;
}): Promise<TStayReading[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    sqlFor(
      db,
      `SELECT "seq","episodeId","parameter","value","observedAt","comparator" FROM "Observation"
        WHERE "stayId" = ? AND "seq" > ? AND "observedAt" >= ? AND ${currentResultSql()} ORDER BY "seq" LIMIT ?`,
    ),
    stayId,
    sinceSeq,
    timeParam(db, fromTime),
    limit,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    episodeId: r.episodeId,
    parameter: r.parameter,
    value: judgedValue(r.value, r.comparator),
    observedAt: Number(r.observedAt),
  }));
}
