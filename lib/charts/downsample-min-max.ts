/**
 * Extreme-preserving downsampling for trend charts. The range is cut into one bucket per pixel column; each bucket
 * keeps its lowest and its highest sample, at their own times, so a single one-second dip in a week of 1 Hz data is
 * still drawn. At most two points per bucket, plus a gap marker where the data stops.
 *
 * A gap is a point whose value is null: the chart breaks its line there (recharts `connectNulls={false}`). Nothing
 * is ever invented: no zero, no interpolation across missing data.
 */

/** A stored reading as a chart needs it: epoch ms and the value in the catalogue unit. */
export interface TSample {
  readonly t: number;
  readonly v: number;
}

/** What a chart draws: a value, or null for "no data here" (a break in the line). */
export interface TSeriesPoint {
  readonly t: number;
  readonly v: number | null;
}

/**
 * What one bucket holds, from the pure aggregation below or from SQL (lib/db/series): the same shape, so that
 * both paths turn into points through `bucketsToPoints` and cannot disagree on gaps.
 */
export interface TBucket {
  readonly index: number;
  readonly count: number;
  readonly tFirst: number;
  readonly tLast: number;
  readonly tMin: number;
  readonly vMin: number;
  readonly tMax: number;
  readonly vMax: number;
}

export interface TDownsampleOptions {
  /** Range drawn, epoch ms, both ends included. */
  readonly from: number;
  readonly to: number;
  /** Pixel columns of the plot: the number of buckets. */
  readonly width: number;
  /** Two samples further apart than this have missing data between them (see gapThresholdMs). */
  readonly maxGapMs: number;
}

/** The widest supported chart: beyond it a request asks for more points than any screen can show. */
export const MAX_WIDTH = 4_000;

/** Bucket length for a range drawn over `width` columns; whole milliseconds so that SQL integer division agrees. */
export function bucketSizeMs(from: number, to: number, width: number): number {
  const columns = Math.max(1, Math.min(MAX_WIDTH, Math.floor(width)));
  return Math.max(1, Math.ceil((to - from + 1) / columns));
}

/** A gap starts after this many expected intervals without a reading: the factor that makes a value stale. */
export const GAP_FACTOR = 3;
/**
 * Continuous device data is also stored at charting resolution (a PDMS export, or the simulator's 24 h history,
 * keeps one value every 1–2 min): a break shorter than this would show the resolution of the record, not an
 * outage. A live stream that stops for longer is drawn broken; shorter silences show as stale values on the panels.
 */
export const MIN_GAP_MS = 5 * 60_000;

/** The longest silence between two readings of a parameter that is still drawn as a continuous line. */
export function gapThresholdMs(expectedIntervalSec: number): number {
  return Math.max(GAP_FACTOR * expectedIntervalSec * 1000, MIN_GAP_MS);
}

/**
 * Per-bucket first/last times and min/max (with their times) of samples in [from, from + n·bucketMs). Samples need
 * not be sorted. Ties keep the earliest sample, as SQLite's min()/max() do when they scan in time order.
 */
export function aggregateBuckets(samples: readonly TSample[], from: number, to: number, bucketMs: number): TBucket[] {
  const byIndex = new Map<
    number,
    { count: number; tFirst: number; tLast: number; tMin: number; vMin: number; tMax: number; vMax: number }
  >();
  for (const { t, v } of samples) {
    if (t < from || t > to || !Number.isFinite(v)) continue;
    const index = Math.floor((t - from) / bucketMs);
    const bucket = byIndex.get(index);
    if (!bucket) {
      byIndex.set(index, { count: 1, tFirst: t, tLast: t, tMin: t, vMin: v, tMax: t, vMax: v });
      continue;
    }
    bucket.count += 1;
    if (t < bucket.tFirst) bucket.tFirst = t;
    if (t > bucket.tLast) bucket.tLast = t;
    if (v < bucket.vMin || (v === bucket.vMin && t < bucket.tMin)) {
      bucket.vMin = v;
      bucket.tMin = t;
    }
    if (v > bucket.vMax || (v === bucket.vMax && t < bucket.tMax)) {
      bucket.vMax = v;
      bucket.tMax = t;
    }
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([index, b]) => ({ index, ...b }));
}

/**
 * Points to draw from buckets in index order: each bucket's extremes in time order (one point when they coincide),
 * and a null point between two buckets whose samples are more than `maxGapMs` apart.
 */
export function bucketsToPoints(buckets: readonly TBucket[], maxGapMs: number): TSeriesPoint[] {
  const points: TSeriesPoint[] = [];
  let previous: TBucket | undefined;
  for (const bucket of buckets) {
    if (previous && bucket.tFirst - previous.tLast > maxGapMs) {
      points.push({ t: previous.tLast + Math.floor((bucket.tFirst - previous.tLast) / 2), v: null });
    }
    if (bucket.tMin === bucket.tMax || bucket.vMin === bucket.vMax) {
      points.push({ t: Math.min(bucket.tMin, bucket.tMax), v: bucket.vMin });
    } else if (bucket.tMin < bucket.tMax) {
      points.push({ t: bucket.tMin, v: bucket.vMin }, { t: bucket.tMax, v: bucket.vMax });
    } else {
      points.push({ t: bucket.tMax, v: bucket.vMax }, { t: bucket.tMin, v: bucket.vMin });
    }
    previous = bucket;
  }
  return points;
}

/**
 * Downsamples a series to at most two points per pixel column (plus gap markers), keeping every bucket's extremes.
 * The input may itself hold gap markers (null values, e.g. a cached series that live readings extend): they stay
 * gaps, so re-downsampling a downsampled series never joins across missing data.
 */
export function downsampleMinMax(points: readonly TSeriesPoint[], options: TDownsampleOptions): TSeriesPoint[] {
  const { from, to, width, maxGapMs } = options;
  const bucketMs = bucketSizeMs(from, to, width);
  const out: TSeriesPoint[] = [];
  let segment: TSample[] = [];
  let pendingGap: number | null = null;
  const flush = () => {
    if (segment.length === 0) return;
    const drawn = bucketsToPoints(aggregateBuckets(segment, from, to, bucketMs), maxGapMs);
    if (pendingGap !== null && out.length > 0 && drawn.length > 0) out.push({ t: pendingGap, v: null });
    out.push(...drawn);
    segment = [];
    pendingGap = null;
  };
  for (const point of points) {
    if (point.v === null) {
      flush();
      pendingGap = point.t;
    } else {
      segment.push({ t: point.t, v: point.v });
    }
  }
  flush();
  return out;
}
