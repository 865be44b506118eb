import { downsampleMinMax, type TSeriesPoint } from "@/lib/charts/downsample-min-max";
import { isLabParameter } from "./merge-bed-detail";
import type { TParameterSeries } from "./series";

export interface TSeriesReading {
  readonly seq: number;
  readonly episodeId: string | null;
  readonly parameter: string;
  readonly value: number;
  readonly observedAt: number;
}

export interface TFollow {
  /** Span of a live window; null for the whole episode (the start stays, the end follows). */
  readonly spanMs: number | null;
}

/**
 * Live readings added to a cached series without asking the server again: appended at the live edge (after a gap
 * marker when the silence before them is longer than the series allows), the window slid forward, and the points
 * downsampled again once they exceed what the chart's width can show. Readings already in the series (seq up to
 * its lastSeq, or a point at the same time) are not added twice. Returns the same object when nothing changes, so
 * that react-query does not re-render for nothing.
 */
export function appendToSeries(
  series: TParameterSeries,
  readings: readonly TSeriesReading[],
  follow: TFollow,
): TParameterSeries {
  const fresh = readings
    .filter((r) => r.parameter === series.parameter && r.episodeId === series.episodeId && r.seq > series.lastSeq)
    .sort((a, b) => a.observedAt - b.observedAt || a.seq - b.seq);
  if (fresh.length === 0 || isLabParameter(series.parameter)) return series;

  let points: TSeriesPoint[] = [...series.points];
  let lastSeq = series.lastSeq;
  let to = series.to;
  for (const reading of fresh) {
    lastSeq = Math.max(lastSeq, reading.seq);
    const point = { t: reading.observedAt, v: reading.value };
    const last = lastDrawn(points);
    if (!last || point.t > last.t) {
      if (last && point.t - last.t > series.maxGapMs)
        points.push({ t: last.t + Math.floor((point.t - last.t) / 2), v: null });
      points.push(point);
    } else if (!points.some((p) => p.t === point.t)) {
      // A late reading inside the drawn range: in time order, without re-judging gaps (the next fetch will).
      const at = points.findIndex((p) => p.t > point.t);
      points.splice(at === -1 ? points.length : at, 0, point);
    }
    to = Math.max(to, reading.observedAt);
  }

  const from = follow.spanMs === null ? series.from : Math.max(series.from, to - follow.spanMs);
  points = trimBefore(points, from);
  if (points.length > REDRAW_FACTOR * series.width) {
    points = downsampleMinMax(points, { from, to, width: series.width, maxGapMs: series.maxGapMs });
  }
  return { ...series, from, to, lastSeq, points };
}

/** Points may grow to this many per pixel column before the series is downsampled again (limits the churn). */
const REDRAW_FACTOR = 2.5;

function lastDrawn(points: readonly TSeriesPoint[]): TSeriesPoint | undefined {
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const p = points[i];
    if (p && p.v !== null) return p;
  }
  return undefined;
}

function trimBefore(points: TSeriesPoint[], from: number): TSeriesPoint[] {
  let start = 0;
  while (start < points.length && ((points[start]?.t ?? Infinity) < from || points[start]?.v === null)) start += 1;
  return start === 0 ? points : points.slice(start);
}
