import type { TParameterCode } from "@/lib/catalogue";
import { dialectOf, type Db } from "../client";
import { sqlFor, timeParam } from "../dialect";

export interface TFindValueRun {
  db: Db;
  stayId: string;
  /** Only readings from this instant (epoch ms): the running episode's start, so that an earlier one's run is not it. */
  from?: number;
  parameter: TParameterCode;
  /** Only readings before this instant (epoch ms): the run as it stood then. Every reading when absent. */
  until?: number;
}

/**
 * The latest value of a coded parameter (a setting such as the assist ratio, or the balloon's pumping) and since
 * when it has held it: the first reading after the last one with another value. Null when it was never measured.
 * The bed panel reads the run now, the handover sheet as it stood at the end of the period it covers.
 *
 * The newest different reading is found walking back from the end, which is quick when the setting changed
 * recently and, through the covering index on (stayId, parameter, observedAt, value), bearable when it never did.
 */
export async function findValueRun({
  db,
  stayId,
  from = 0,
  parameter,
  until = Number.MAX_SAFE_INTEGER,
}: TFindValueRun): Promise<{ value: number; since: number } | null> {
  // Parameters come in once, as the one row of `p`: the driver binds by position only.
  const postgres = dialectOf(db) === "postgres";
  const rows = await db.$queryRawUnsafe<{ value: number; since: number | bigint | Date | null }[]>(
    sqlFor(
      db,
      `WITH p(stay, code, since, until) AS (SELECT ${postgres ? "?::text, ?::text, ?::timestamp(3), ?::timestamp(3)" : "?, ?, ?, ?"}),
       last AS (SELECT o."value" AS value FROM "Observation" o, p WHERE o."stayId" = p.stay AND o."parameter" = p.code
                AND o."observedAt" >= p.since AND o."observedAt" < p.until ORDER BY o."observedAt" DESC, o."seq" DESC LIMIT 1),
       other AS (SELECT o."observedAt" AS t FROM "Observation" o, p, last WHERE o."stayId" = p.stay AND o."parameter" = p.code
                 AND o."observedAt" >= p.since AND o."observedAt" < p.until AND o."value" <> last.value ORDER BY o."observedAt" DESC LIMIT 1)
     SELECT last.value AS value,
       (SELECT MIN(o."observedAt") FROM "Observation" o, p WHERE o."stayId" = p.stay AND o."parameter" = p.code
          AND o."observedAt" >= p.since AND o."observedAt" < p.until AND o."observedAt" > COALESCE((SELECT t FROM other), ${postgres ? "'-infinity'" : "-1"})) AS since
     FROM last`,
    ),
    stayId,
    parameter,
    timeParam(db, from),
    // "Every reading" is brought to the end of year 9999 by timeParam.
    timeParam(db, until),
  );
  const row = rows[0];
  return row && row.since !== null ? { value: row.value, since: Number(row.since) } : null;
}
