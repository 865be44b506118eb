import type { TParameter } from "@/lib/catalogue";
import { TREND_LOOKBACK_MS, type TLatestValue } from "@/lib/station/snapshot";
import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
import type { Db } from "../client";
import { sqlFor, timeParam } from "../dialect";
import { currentResultSql } from "./current-result-sql";

interface LatestRow {
  parameter: string;
  seq: number | bigint;
  value: number;
  observedAt: number | bigint | Date;
  resultStatus: TResultStatus | null;
  comparator: TComparator | null;
}

/**
 * The newest reading of each parameter of a stay (whichever support ran, or none), then the reading its trend is compared with (device data:
 * about five minutes earlier; labs: the previous sample). One statement each, whatever the number of parameters.
 */
export async function findLatestValues({
  db,
  stayId,
  parameters,
}: {
  db: Db;
  stayId: string;
  parameters: readonly TParameter[];
}): Promise<Record<string, TLatestValue>> {
  if (parameters.length === 0) return {};
  // A laboratory value is its current result: not one a correction or a cancellation replaced (current-result-sql.ts).
  const pick = (parameter: TParameter | undefined, extra: string) =>
    `SELECT * FROM (SELECT "parameter","seq","value","observedAt","resultStatus","comparator" FROM "Observation"
       WHERE "stayId" = ? AND "parameter" = ? ${extra} ${parameter?.sourceKind === "lab" ? `AND ${currentResultSql()}` : ""}
       ORDER BY "observedAt" DESC, "seq" DESC LIMIT 1) AS "latest"`;
  const latestSql = parameters.map((p) => pick(p, "")).join(" UNION ALL ");
  const latestRows = await db.$queryRawUnsafe<LatestRow[]>(
    sqlFor(db, latestSql),
    ...parameters.flatMap((p) => [stayId, p.code]),
  );
  if (latestRows.length === 0) return {};

  const byCode = new Map(parameters.map((p) => [p.code as string, p]));
  const refArgs: unknown[] = [];
  for (const row of latestRows) {
    const parameter = byCode.get(row.parameter);
    const before =
      parameter?.sourceKind === "lab" ? Number(row.observedAt) - 1 : Number(row.observedAt) - TREND_LOOKBACK_MS;
    refArgs.push(stayId, row.parameter, timeParam(db, before));
  }
  const refSql = latestRows.map((r) => pick(byCode.get(r.parameter), `AND "observedAt" <= ?`)).join(" UNION ALL ");
  const refRows = await db.$queryRawUnsafe<LatestRow[]>(sqlFor(db, refSql), ...refArgs);
  const refs = new Map(refRows.map((r) => [r.parameter, r]));

  const latest: Record<string, TLatestValue> = {};
  for (const row of latestRows) {
    const ref = refs.get(row.parameter);
    latest[row.parameter] = {
      seq: Number(row.seq),
      value: row.value,
      observedAt: Number(row.observedAt),
      reference: ref ? { value: ref.value, observedAt: Number(ref.observedAt) } : null,
      ...(row.resultStatus && row.resultStatus !== "final" ? { status: row.resultStatus } : {}),
      ...(row.comparator ? { comparator: row.comparator } : {}),
    };
  }
  return latest;
}
