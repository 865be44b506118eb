/**
 * The SQL condition that keeps only current results, for reads of laboratory parameters: a row that a later row of the
 * same result supersedes (a correction, a cancellation, the final after a preliminary) is left out, and so is a
 * cancellation itself. Observation is append-only, so nothing is deleted: history reads (the value's history, the
 * superseded points of a trend) simply do not add this condition. A device reading has no resultKey and no status,
 * so the condition holds for it at the cost of one index probe; reads of device series do not add it at all.
 *
 * `table` is the alias the query gives the Observation table. A result is the stay's (a correction after cannulation
 * replaces a result taken before it); the probe reads the partial index (stayId, resultKey, seq), which
 * `later."resultKey" = …` lets both engines use (an equality implies the index's "resultKey" IS NOT NULL).
 */
export function currentResultSql(table = `"Observation"`): string {
  return `(${table}."resultStatus" IS NULL OR ${table}."resultStatus" <> 'cancelled')
    AND NOT EXISTS (SELECT 1 FROM "Observation" AS later WHERE later."stayId" = ${table}."stayId"
      AND later."resultKey" = ${table}."resultKey" AND later."seq" > ${table}."seq")`;
}

/**
 * The same rule for rows already read (a Prisma query that cannot say NOT EXISTS): drops cancellations and every
 * row a later row of the same result replaced.
 */
export function keepCurrentResults<T extends { seq: number; resultKey: string | null; resultStatus: string | null }>(
  rows: readonly T[],
): T[] {
  const newest = new Map<string, number>();
  for (const r of rows) if (r.resultKey) newest.set(r.resultKey, Math.max(newest.get(r.resultKey) ?? 0, r.seq));
  return rows.filter(
    (r) => r.resultStatus !== "cancelled" && (r.resultKey === null || newest.get(r.resultKey) === r.seq),
  );
}
