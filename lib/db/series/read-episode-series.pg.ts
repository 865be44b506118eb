import type { TBucket } from "@/lib/charts/downsample-min-max";
import { postgresPool, type Db } from "../client";

/** A timestamp(3) column as integer milliseconds (a double holds them exactly). */
const ms = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;
/** Milliseconds (a bound number) as the timestamp(3) the columns hold. */
const at = (millis: string) => `(TIMESTAMP '1970-01-01' + (${millis}) * INTERVAL '1 millisecond')`;

const COUNT_SQL = `SELECT count(*)::float8 FROM (SELECT 1 FROM "Observation"
  WHERE "stayId" = $1 AND "parameter" = $2 AND "observedAt" >= ${at("$3::float8")} AND "observedAt" <= ${at("$4::float8")}
  LIMIT $5) AS n`;

const READINGS_SQL = `SELECT ${ms(`"observedAt"`)}, "value" FROM "Observation"
  WHERE "stayId" = $1 AND "parameter" = $2 AND "observedAt" >= ${at("$3::float8")} AND "observedAt" <= ${at("$4::float8")}
  ORDER BY "observedAt"`;

/*
 * One bucket per pixel column (generate_series), each answered by index scans of its own rows through the covering
 * (stayId, parameter, observedAt, value) index: no GROUP BY over the whole range. PostgreSQL has no SQLite "bare
 * column" of a min(): the extreme and its time are the first row of the bucket ordered by value, then time (the
 * earliest of equal extremes, as SQLite's scan in time order gives).
 */
const BUCKETS_SQL = (() => {
  const range = `"stayId" = $1 AND "parameter" = $2
    AND "observedAt" >= ${at("$3::float8 + b.i * $4::float8")}
    AND "observedAt" < ${at("LEAST($3::float8 + (b.i + 1) * $4::float8, $5::float8 + 1)")}`;
  const pick = (order: string) =>
    `SELECT ${ms(`"observedAt"`)} AS t, "value" AS v FROM "Observation" WHERE ${range} ORDER BY ${order} LIMIT 1`;
  return `SELECT b.i, f.t, l.t, mn.t, mn.v, mx.t, mx.v
    FROM generate_series(0, $6::int - 1) AS b(i)
    JOIN LATERAL (${pick(`"observedAt" ASC`)}) AS f ON true
    CROSS JOIN LATERAL (${pick(`"observedAt" DESC`)}) AS l
    CROSS JOIN LATERAL (${pick(`"value" ASC, "observedAt" ASC`)}) AS mn
    CROSS JOIN LATERAL (${pick(`"value" DESC, "observedAt" ASC`)}) AS mx
    ORDER BY b.i`;
})();

type TBucketRow = [number, number, number, number, number, number, number];

/**
 * PostgreSQL's reads for readEpisodeSeries (read-episode-series.ts): the readings of [from, to] when there are at most
 * `limit` of them, else one min/max bucket per `bucketMs` (empty buckets left out).
 */
export async function readEpisodeSeriesPg({
  db,
  stayId,
  code,
  from,
  to,
  bucketMs,
  limit,
}: {
  db: Db;
  stayId: string;
  code: string;
  from: number;
  to: number;
  bucketMs: number;
  limit: number;
}): Promise<{ samples: { t: number; v: number }[]; buckets?: never } | { samples?: never; buckets: TBucket[] }> {
  const pool = postgresPool(db);
  const counted = await pool.query<[number]>({
    text: COUNT_SQL,
    values: [stayId, code, from, to, limit + 1],
    rowMode: "array",
  });
  if ((counted.rows[0]?.[0] ?? 0) <= limit) {
    const { rows } = await pool.query<[number, number]>({
      text: READINGS_SQL,
      values: [stayId, code, from, to],
      rowMode: "array",
    });
    return { samples: rows.map(([t, v]) => ({ t, v })) };
  }
  const buckets = Math.ceil((to - from + 1) / bucketMs);
  const { rows } = await pool.query<TBucketRow>({
    text: BUCKETS_SQL,
    values: [stayId, code, from, bucketMs, to, buckets],
    rowMode: "array",
  });
  // count is not read by bucketsToPoints (read-episode-series.ts).
  return {
    buckets: rows.map(([index, tFirst, tLast, tMin, vMin, tMax, vMax]) => ({
      index,
      count: 0,
      tFirst,
      tLast,
      tMin,
      vMin,
      tMax,
      vMax,
    })),
  };
}
