import { describe, expect, it } from "vitest";
import {
  aggregateBuckets,
  bucketSizeMs,
  bucketsToPoints,
  downsampleMinMax,
  gapThresholdMs,
  MIN_GAP_MS,
  type TSeriesPoint,
} from "./downsample-min-max";

const T0 = Date.UTC(2025, 0, 6, 0, 0, 0);
const SECOND = 1_000;
const WEEK_S = 7 * 24 * 3600;

/** A week of 1 Hz data around 3.5 with a little deterministic ripple, and optional edits. */
function weekAt1Hz(edit?: (i: number, v: number) => number): TSeriesPoint[] {
  const points: TSeriesPoint[] = new Array<TSeriesPoint>(WEEK_S);
  for (let i = 0; i < WEEK_S; i += 1) {
    const v = 3.5 + 0.1 * Math.sin(i / 97);
    points[i] = { t: T0 + i * SECOND, v: edit ? edit(i, v) : v };
  }
  return points;
}

const week = { from: T0, to: T0 + (WEEK_S - 1) * SECOND, width: 1500, maxGapMs: 15 * SECOND };

describe("downsampleMinMax", () => {
  it("keeps a single-sample dip in a week of 1 Hz data", () => {
    const dipAt = 345_678;
    const out = downsampleMinMax(
      weekAt1Hz((i, v) => (i === dipAt ? 0.4 : v)),
      week,
    );
    const lowest = out.reduce((min, p) => (p.v !== null && p.v < (min.v ?? Infinity) ? p : min));
    expect(lowest).toEqual({ t: T0 + dipAt * SECOND, v: 0.4 });
  });

  it("keeps a single-sample spike in a week of 1 Hz data", () => {
    const spikeAt = 12_345;
    const out = downsampleMinMax(
      weekAt1Hz((i, v) => (i === spikeAt ? 7.9 : v)),
      week,
    );
    expect(out).toContainEqual({ t: T0 + spikeAt * SECOND, v: 7.9 });
    expect(Math.max(...out.map((p) => p.v ?? -Infinity))).toBe(7.9);
  });

  it("draws at most two points per pixel column for uninterrupted data", () => {
    const out = downsampleMinMax(weekAt1Hz(), week);
    expect(out.length).toBeLessThanOrEqual(2 * week.width);
    expect(out.length).toBeGreaterThan(week.width);
    expect(out.every((p) => p.v !== null)).toBe(true);
    // In time order, inside the range.
    for (let i = 1; i < out.length; i += 1) expect((out[i]?.t ?? 0) > (out[i - 1]?.t ?? 0)).toBe(true);
  });

  it("turns an hour without data into a gap marker, never a zero or a bridge", () => {
    const lost = (i: number) => i >= 200_000 && i < 203_600;
    const input = weekAt1Hz().filter((_, i) => !lost(i));
    const out = downsampleMinMax(input, week);
    const gaps = out.filter((p) => p.v === null);
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]?.t ?? 0;
    expect(gap).toBeGreaterThan(T0 + 199_999 * SECOND);
    expect(gap).toBeLessThan(T0 + 203_600 * SECOND);
    // No drawn value inside the hole, and nothing invented as zero.
    expect(out.filter((p) => p.v !== null && p.t > T0 + 199_999 * SECOND && p.t < T0 + 203_600 * SECOND)).toEqual([]);
    expect(out.some((p) => p.v === 0)).toBe(false);
    // Output bound with gaps: two per column plus one marker per gap.
    expect(out.length).toBeLessThanOrEqual(2 * week.width + gaps.length);
  });

  it("marks a gap shorter than a column when it is longer than the threshold (zoomed in)", () => {
    const samples: TSeriesPoint[] = [0, 5, 10, 60, 65].map((s) => ({ t: T0 + s * SECOND, v: s }));
    const out = downsampleMinMax(samples, { from: T0, to: T0 + 70 * SECOND, width: 70, maxGapMs: 15 * SECOND });
    expect(out.map((p) => p.v)).toEqual([0, 5, 10, null, 60, 65]);
  });

  it("keeps gap markers it is given when downsampling again", () => {
    const input: TSeriesPoint[] = [
      { t: T0, v: 1 },
      { t: T0 + SECOND, v: 2 },
      { t: T0 + 2 * SECOND, v: null },
      { t: T0 + 3 * SECOND, v: 3 },
    ];
    const out = downsampleMinMax(input, { from: T0, to: T0 + 3 * SECOND, width: 100, maxGapMs: 60 * SECOND });
    expect(out.map((p) => p.v)).toEqual([1, 2, null, 3]);
  });

  it("returns sparse data unchanged and ignores samples outside the range", () => {
    const labs: TSeriesPoint[] = [
      { t: T0 - 3600 * SECOND, v: 9 },
      { t: T0, v: 2.1 },
      { t: T0 + 4 * 3600 * SECOND, v: 3.4 },
    ];
    const out = downsampleMinMax(labs, {
      from: T0,
      to: T0 + 6 * 3600 * SECOND,
      width: 600,
      maxGapMs: 24 * 3600 * SECOND,
    });
    expect(out).toEqual(labs.slice(1));
  });

  it("is empty for no data", () => {
    expect(downsampleMinMax([], week)).toEqual([]);
  });
});

describe("bucketsToPoints", () => {
  it("orders each bucket's extremes by time and drops the duplicate of a flat bucket", () => {
    const points = bucketsToPoints(
      [
        { index: 0, count: 3, tFirst: 0, tLast: 9, tMin: 8, vMin: 1, tMax: 2, vMax: 5 },
        { index: 1, count: 2, tFirst: 10, tLast: 19, tMin: 10, vMin: 4, tMax: 10, vMax: 4 },
      ],
      100,
    );
    expect(points).toEqual([
      { t: 2, v: 5 },
      { t: 8, v: 1 },
      { t: 10, v: 4 },
    ]);
  });

  it("keeps the earliest of equal extremes", () => {
    const buckets = aggregateBuckets(
      [
        { t: 3, v: 1 },
        { t: 1, v: 1 },
        { t: 2, v: 7 },
        { t: 4, v: 7 },
      ],
      0,
      9,
      10,
    );
    expect(buckets[0]).toMatchObject({ tMin: 1, tMax: 2, tFirst: 1, tLast: 4, count: 4 });
  });
});

describe("bucketSizeMs and gapThresholdMs", () => {
  it("cuts a week into 1,500 whole-millisecond buckets", () => {
    const size = bucketSizeMs(week.from, week.to, 1500);
    expect(size).toBe(403_200);
    expect(Math.ceil((week.to - week.from + 1) / size)).toBeLessThanOrEqual(1500);
  });

  it("breaks a 5 s stream after three intervals, but not the 2 min record of the history", () => {
    expect(gapThresholdMs(5)).toBe(MIN_GAP_MS);
    expect(gapThresholdMs(8 * 3600)).toBe(24 * 3600 * 1000);
  });
});
