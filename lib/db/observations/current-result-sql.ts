/**
 * The SQL condition that keeps only current results, for reads of laboratory parameters: a row that a later row of the
 * same result supersedes (a correction, a cancellation, the final after a preliminary) is left out, and so is a
 * cancellation itself. Observation is append-only, so nothing is deleted: history reads (the value's history, the
 * superseded points of a trend) simply do not add this condition. A device reading has no resultKey and no status,
 * so the condition holds for it at the cost of one index probe; reads of device series do not add it at all.
 *
 * `table` is the alias the query gives the Observation table.
 */
export function currentResultSql(table = `"Observation"`): string {
  return `(${table}."resultStatus" IS NULL OR ${table}."resultStatus" <> 'cancelled')
    AND NOT EXISTS (SELECT 1 FROM "Observation" AS later WHERE later."episodeId" = ${table}."episodeId"
      AND later."resultKey" = ${table}."resultKey" AND later."seq" > ${table}."seq")`;
}
