import type { TTimedValue } from "./types";

export interface TTimeInRange {
  /** Percentage of the time between the first and the last sample spent within [low, high]. */
  readonly pct: number;
  readonly inRangeMs: number;
  readonly totalMs: number;
  readonly samples: number;
  readonly method: "rosendaal";
}

/**
 * Time in target range by Rosendaal's method: values are interpolated linearly between consecutive samples and
 * the time the line spends within [low, high] (limits included) is summed, over the span from the first to the
 * last sample. Nothing is assumed before the first or after the last sample. Null with fewer than two samples.
 */
export function timeInRange(
  samples: readonly TTimedValue[],
  { low, high }: { low: number; high: number },
): TTimeInRange | null {
  const sorted = [...samples].sort((a, b) => a.t - b.t);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || sorted.length < 2 || last.t === first.t) return null;
  let inRangeMs = 0;
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (!a || !b || b.t === a.t) continue;
    inRangeMs += (b.t - a.t) * fractionWithin(a.v, b.v, low, high);
  }
  const totalMs = last.t - first.t;
  return { pct: (inRangeMs / totalMs) * 100, inRangeMs, totalMs, samples: sorted.length, method: "rosendaal" };
}

/** Share of a straight segment from v1 to v2 that lies within [low, high]. */
function fractionWithin(v1: number, v2: number, low: number, high: number): number {
  if (v1 === v2) return v1 >= low && v1 <= high ? 1 : 0;
  const uLow = (low - v1) / (v2 - v1);
  const uHigh = (high - v1) / (v2 - v1);
  const start = Math.max(0, Math.min(uLow, uHigh));
  const end = Math.min(1, Math.max(uLow, uHigh));
  return Math.max(0, end - start);
}
