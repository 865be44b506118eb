import type { TLabSample, TReplacedLabSample } from "@/lib/bed/bed-detail";
import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
import type { Db } from "../client";
import { sqlFor } from "../dialect";

interface TLabRow {
  parameter: string;
  seq: number | bigint;
  value: number;
  observedAt: number | bigint;
  resultStatus: TResultStatus | null;
  comparator: TComparator | null;
  resultKey: string | null;
}

/**
 * Every laboratory result of the stay: the current ones (oldest first), and those a later message replaced
 * (newest first), each with what replaced it, for the value's history. Observation is append-only: a result's rows
 * share a resultKey, and each row replaces the one before it (insert-observation-batch.ts).
 */
export async function findStayLabs({
  db,
  stayId,
  codes,
}: {
  db: Db;
  stayId: string;
  codes: readonly string[];
}): Promise<{ labs: Record<string, TLabSample[]>; replacedLabs: Record<string, TReplacedLabSample[]> }> {
  const labs: Record<string, TLabSample[]> = Object.fromEntries(codes.map((c) => [c, []]));
  const replacedLabs: Record<string, TReplacedLabSample[]> = {};
  if (codes.length === 0) return { labs, replacedLabs };
  const rows = await db.$queryRawUnsafe<TLabRow[]>(
    sqlFor(
      db,
      `SELECT "parameter","seq","value","observedAt","resultStatus","comparator","resultKey" FROM "Observation"
        WHERE "stayId" = ? AND "parameter" IN (${codes.map(() => "?").join(",")}) ORDER BY "observedAt", "seq"`,
    ),
    stayId,
    ...codes,
  );
  // The rows of one result, in seq order: all but the last are replaced, each by the next.
  const chains = new Map<string, TLabRow[]>();
  for (const row of rows) if (row.resultKey) chains.set(row.resultKey, [...(chains.get(row.resultKey) ?? []), row]);
  const replacedBy = new Map<number, TLabRow>();
  for (const chain of chains.values()) {
    chain.sort((a, b) => Number(a.seq) - Number(b.seq));
    chain.forEach((row, i) => {
      const next = chain[i + 1];
      if (next) replacedBy.set(Number(row.seq), next);
    });
  }
  for (const row of rows) {
    const sample: TLabSample = {
      seq: Number(row.seq),
      value: row.value,
      observedAt: Number(row.observedAt),
      ...(row.resultStatus && row.resultStatus !== "final" ? { status: row.resultStatus } : {}),
      ...(row.comparator ? { comparator: row.comparator } : {}),
    };
    const next = replacedBy.get(sample.seq);
    if (next) {
      const replaced = { seq: Number(next.seq), status: next.resultStatus ?? "final", value: next.value };
      (replacedLabs[row.parameter] ??= []).unshift({ ...sample, replacedBy: replaced });
    } else if (row.resultStatus !== "cancelled") labs[row.parameter]?.push(sample);
  }
  return { labs, replacedLabs };
}
