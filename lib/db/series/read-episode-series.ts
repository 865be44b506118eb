import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TParameterSeries } from "@/lib/bed/series";
import {
  bucketSizeMs,
  bucketsToPoints,
  downsampleMinMax,
  gapThresholdMs,
  type TBucket,
} from "@/lib/charts/downsample-min-max";
import { dialectOf, type Db } from "../client";
import { currentResultSql } from "../observations/current-result-sql";
import { sqlFor, timeParam } from "../dialect";
import { preparedStatement } from "../prisma-connection";
import { readEpisodeSeriesPg } from "./read-episode-series.pg";

/**
 * Readings per pixel column up to which the readings themselves are read and downsampled here rather than in SQL.
 * Measured on 2 cores: a read costs ~1 µs a reading, the buckets ~15 µs a column (four index seeks each) however
 * few readings they hold; so below ~15 a column the readings are cheaper, and 8 leaves a margin. The demo's
 * 24 h history (one reading every 1–2 min) and any window of a few hours at 5 s fall below it.
 */
const READINGS_PER_COLUMN = 8;

/** Readings of the range, counted in SQL up to a limit: far cheaper than reading them (no row reaches JavaScript). */
const COUNT_SQL = `SELECT count(*) FROM (SELECT 1 FROM "Observation"
  WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" >= ? AND "observedAt" <= ? LIMIT ?)`;

const READINGS_SQL = `SELECT "observedAt", "value" FROM "Observation"
  WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" >= ? AND "observedAt" <= ? ORDER BY "observedAt"`;

/** A laboratory parameter's current results only (few a day: always read row by row, never bucketed). */
const LAB_READINGS_SQL = `SELECT "observedAt", "value" FROM "Observation"
  WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" >= ? AND "observedAt" <= ? AND ${currentResultSql()}
  ORDER BY "observedAt"`;

/**
 * One bucket per pixel column, each answered by index seeks and scans of its own rows: no GROUP BY, whose sort of a
 * week of 1 Hz readings costs more than the scan itself. With a single min() (or max()) in a query SQLite takes the
 * bare column `observedAt` from the row holding that extreme (the first one met, scanning in time order), which
 * gives the time of the extreme without a second lookup. The index (stayId, parameter, observedAt, value)
 * covers every subquery. The parameters come in once, as the one row of `p` (the driver binds positions only).
 */
const BUCKETS_SQL = (() => {
  const range = `"stayId" = p.episode AND "parameter" = p.parameter
    AND "observedAt" >= p.start + b.i * p.size AND "observedAt" < min(p.start + (b.i + 1) * p.size, p.stop + 1)`;
  return `WITH RECURSIVE p(episode, parameter, start, size, stop, buckets) AS (SELECT ?, ?, ?, ?, ?, ?),
      b(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM b, p WHERE i + 1 < p.buckets)
    SELECT b.i AS i,
      (SELECT "observedAt" FROM "Observation" WHERE ${range} ORDER BY "observedAt" ASC LIMIT 1) AS tFirst,
      (SELECT "observedAt" FROM "Observation" WHERE ${range} ORDER BY "observedAt" DESC LIMIT 1) AS tLast,
      (SELECT printf('%d %!.17g', "observedAt", min("value")) FROM "Observation" WHERE ${range}) AS mn,
      (SELECT printf('%d %!.17g', "observedAt", max("value")) FROM "Observation" WHERE ${range}) AS mx
    FROM b, p`;
})();

/** A bucket row as the SQL above answers it: i, tFirst, tLast, mn, mx ("observedAt value" of each extreme). */
type TBucketRow = [number, number | null, number | null, string | null, string | null];

/**
 * One parameter of one episode over [from, to] (clamped to the episode), downsampled to min and max per pixel
 * column with gaps where readings stop for longer than the parameter allows (lib/charts/downsample-min-max.ts).
 * The caller has found the episode and read lastSeq before calling, so that a client continuing live from it may
 * see a reading twice but never miss one.
 *
 * Prepared statements on the connection Prisma's client holds (lib/db/prisma-connection.ts): the bed page
 * reads a dozen series before it can answer, and Prisma's raw queries cost a statement compilation and a row
 * mapping each on top of SQLite's own work (about as much again for these reads). Synchronous, as every SQLite call
 * of the process is underneath: the same rows are seen either way. PostgreSQL: read-episode-series.pg.ts, the same
 * two ways (readings when few, buckets when dense) in its SQL.
 */
export async function readEpisodeSeries({
  db,
  bedId,
  episode,
  parameter: code,
  from: askedFrom,
  to: askedTo,
  width,
  lastSeq,
  now,
}: {
  db: Db;
  bedId: string;
  /**
   * The episode whose interval the series covers; its readings are read through its stay's index. A stay with no
   * support running passes itself: id null, from its admission to now.
   */
  episode: { id: string | null; stayId: string; startedAt: Date; endedAt: Date | null };
  parameter: TParameterCode;
  from: number | undefined;
  to: number | undefined;
  width: number;
  lastSeq: number;
  now: Date;
}): Promise<TParameterSeries> {
  const start = episode.startedAt.getTime();
  const end = episode.endedAt?.getTime() ?? now.getTime();
  const from = Math.max(askedFrom ?? start, start);
  const to = Math.min(askedTo ?? end, end);
  const parameter = getParameter(code);
  const maxGapMs = gapThresholdMs(parameter.expectedIntervalSec);
  const base = { bedId, episodeId: episode.id, parameter: code, width, maxGapMs, lastSeq };
  if (to < from) return { ...base, from, to: from, bucketMs: 1, points: [] };

  const bucketMs = bucketSizeMs(from, to, width);
  // Sparse range (labs, a short window, a history stored at charting resolution): the readings are read and run
  // through the same pure downsampling, which gives exactly what the buckets would. Counted first, in SQL, so that
  // a dense range (a week at 1 Hz) is never read row by row.
  if (parameter.sourceKind === "lab") {
    const samples =
      dialectOf(db) === "postgres"
        ? (
            await db.$queryRawUnsafe<{ observedAt: Date; value: number }[]>(
              sqlFor(db, LAB_READINGS_SQL),
              episode.stayId,
              code,
              timeParam(db, from),
              timeParam(db, to),
            )
          ).map((r) => ({ t: Number(r.observedAt), v: r.value }))
        : preparedStatement<unknown[], [number, number]>(db, LAB_READINGS_SQL)
            .raw()
            .all(episode.stayId, code, from, to)
            .map(([t, v]) => ({ t, v }));
    return { ...base, from, to, bucketMs, points: downsampleMinMax(samples, { from, to, width, maxGapMs }) };
  }
  const limit = READINGS_PER_COLUMN * width;
  if (dialectOf(db) === "postgres") {
    const read = await readEpisodeSeriesPg({ db, stayId: episode.stayId, code, from, to, bucketMs, limit });
    if (read.samples)
      return { ...base, from, to, bucketMs, points: downsampleMinMax(read.samples, { from, to, width, maxGapMs }) };
    return { ...base, from, to, bucketMs, points: bucketsToPoints(read.buckets, maxGapMs) };
  }
  const count =
    preparedStatement<unknown[], number>(db, COUNT_SQL)
      .pluck()
      .get(episode.stayId, code, from, to, limit + 1) ?? 0;
  if (count <= limit) {
    const rows = preparedStatement<unknown[], [number, number]>(db, READINGS_SQL)
      .raw()
      .all(episode.stayId, code, from, to);
    const samples = rows.map(([t, v]) => ({ t, v }));
    return { ...base, from, to, bucketMs, points: downsampleMinMax(samples, { from, to, width, maxGapMs }) };
  }

  const buckets = Math.ceil((to - from + 1) / bucketMs);
  const rows = preparedStatement<unknown[], TBucketRow>(db, BUCKETS_SQL)
    .raw()
    .all(episode.stayId, code, from, bucketMs, to, buckets);
  const filled: TBucket[] = [];
  for (const [index, tFirst, tLast, mn, mx] of rows) {
    if (tFirst === null || tLast === null || mn === null || mx === null) continue;
    const [tMin, vMin] = splitExtreme(mn);
    const [tMax, vMax] = splitExtreme(mx);
    // count is not read by bucketsToPoints; counting would cost a third scan of the range.
    filled.push({ index, count: 0, tFirst, tLast, tMin, vMin, tMax, vMax });
  }
  return { ...base, from, to, bucketMs, points: bucketsToPoints(filled, maxGapMs) };
}

function splitExtreme(text: string): [number, number] {
  const space = text.indexOf(" ");
  return [Number(text.slice(0, space)), Number(text.slice(space + 1))];
}
