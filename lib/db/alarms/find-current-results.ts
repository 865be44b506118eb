import type { TAlarmSample } from "@/lib/alarms/alarm-state";
import type { TParameterCode } from "@/lib/catalogue";
import { judgedValue, type TComparator } from "@/lib/observations/lab-result";
import type { Db } from "../client";
import { sqlFor, timeParam } from "../dialect";
import { currentResultSql } from "../observations/current-result-sql";

interface Row {
  seq: number | bigint;
  value: number;
  observedAt: number | bigint | Date;
  comparator: TComparator | null;
}

/**
 * The newest `limit` current results of one parameter of a stay observed at or before `until` (and at or after
 * `since` when given), in time order: a corrected or cancelled result is left out, a censored one is at the side its
 * comparator says (as the engine judges it). The alarm engine reads it when a withdrawn result leaves a parameter
 * without its current value, and around a late result that a trend must judge in its place. Through the stay's
 * (stayId, parameter, observedAt) index, with or without a running episode (the engine judges the whole stay).
 */
export async function findCurrentResults({
  db,
  stayId,
  parameter,
  since,
  until = 8.64e15,
  limit,
}: {
  db: Db;
  stayId: string;
  parameter: TParameterCode;
  /** Epoch ms; no lower bound when absent. */
  since?: number;
  /** Epoch ms; every result when absent (the latest instant a Date holds). */
  until?: number;
  limit: number;
}): Promise<TAlarmSample[]> {
  const from = since === undefined ? "" : `"observedAt" >= ? AND `;
  const rows = await db.$queryRawUnsafe<Row[]>(
    sqlFor(
      db,
      `SELECT "seq","value","observedAt","comparator" FROM "Observation"
        WHERE "stayId" = ? AND "parameter" = ? AND ${from}"observedAt" <= ? AND ${currentResultSql()}
        ORDER BY "observedAt" DESC, "seq" DESC LIMIT ?`,
    ),
    stayId,
    parameter,
    ...(since === undefined ? [] : [timeParam(db, since)]),
    timeParam(db, until),
    limit,
  );
  return rows
    .map((r) => ({ seq: Number(r.seq), value: judgedValue(r.value, r.comparator), observedAt: Number(r.observedAt) }))
    .reverse();
}
