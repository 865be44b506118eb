import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TParameterSeries } from "@/lib/bed/series";
import { bucketSizeMs, bucketsToPoints, downsampleMinMax, gapThresholdMs, type TBucket } from "@/lib/charts/downsample-min-max";
import type { Db } from "../db/client";

/** Expected readings beyond this many times the sparse limit: the range is dense, the probe would be wasted. */
const SURELY_DENSE = 8;

interface BucketRow {
  i: number | bigint;
  tFirst: number | bigint | null;
  tLast: number | bigint | null;
  /** "observedAt value" of the bucket's lowest / highest reading (see the SQL). */
  mn: string | null;
  mx: string | null;
}

/**
 * One bucket per pixel column, each answered by index seeks and scans of its own rows: no GROUP BY, whose sort of a
 * week of 1 Hz readings costs more than the scan itself. With a single min() (or max()) in a query SQLite takes the
 * bare column `observedAt` from the row holding that extreme (the first one met, scanning in time order), which
 * gives the time of the extreme without a second lookup. The index (episodeId, parameter, observedAt, value)
 * covers every subquery. The parameters come in once, as the one row of `p` (the driver binds positions only).
 */
const BUCKETS_SQL = (() => {
  const range = `"episodeId" = p.episode AND "parameter" = p.parameter
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

/**
 * One parameter of one episode over [from, to] (clamped to the episode), downsampled to min and max per pixel
 * column with gaps where readings stop for longer than the parameter allows (lib/charts/downsample-min-max.ts).
 * The caller has found the episode and read lastSeq before calling, so that a client continuing live from it may
 * see a reading twice but never miss one.
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
  episode: { id: string; startedAt: Date; endedAt: Date | null };
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
  // Sparse range (labs, a short window, a recent episode): at most two readings per column are simply read and run
  // through the same pure downsampling, which gives exactly what the buckets would, without a subquery per column.
  // Not even tried when the parameter's cadence makes the range certainly dense (a week at 5 s: 120,960 readings).
  const limit = 2 * width;
  const expected = (to - from) / (parameter.expectedIntervalSec * 1000);
  const raw =
    expected > SURELY_DENSE * limit
      ? null
      : await db.$queryRawUnsafe<{ t: number | bigint; v: number }[]>(
          `SELECT "observedAt" AS t, "value" AS v FROM "Observation"
            WHERE "episodeId" = ? AND "parameter" = ? AND "observedAt" >= ? AND "observedAt" <= ? ORDER BY "observedAt" LIMIT ?`,
          episode.id,
          code,
          from,
          to,
          limit + 1,
        );
  if (raw && raw.length <= limit) {
    const samples = raw.map((r) => ({ t: Number(r.t), v: r.v }));
    return { ...base, from, to, bucketMs, points: downsampleMinMax(samples, { from, to, width, maxGapMs }) };
  }

  const count = Math.ceil((to - from + 1) / bucketMs);
  const rows = await db.$queryRawUnsafe<BucketRow[]>(BUCKETS_SQL, episode.id, code, from, bucketMs, to, count);
  const buckets: TBucket[] = [];
  for (const row of rows) {
    if (row.tFirst === null || row.tLast === null || row.mn === null || row.mx === null) continue;
    const [tMin, vMin] = splitExtreme(row.mn);
    const [tMax, vMax] = splitExtreme(row.mx);
    // count is not read by bucketsToPoints; counting would cost a third scan of the range.
    buckets.push({ index: Number(row.i), count: 0, tFirst: Number(row.tFirst), tLast: Number(row.tLast), tMin, vMin, tMax, vMax });
  }
  return { ...base, from, to, bucketMs, points: bucketsToPoints(buckets, maxGapMs) };
}

function splitExtreme(text: string): [number, number] {
  const space = text.indexOf(" ");
  return [Number(text.slice(0, space)), Number(text.slice(space + 1))];
}
