import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TLabMark } from "./prepare-lab-marks";
import type { TPreparedChart } from "./prepare-trend-chart";

/** What a chart's lines read at one instant: the reading nearest to it on each line, or none. */
export interface TTrendReadout {
  readonly at: number;
  readonly lines: readonly {
    readonly code: string;
    readonly label: string;
    readonly color: string;
    /** The nearest reading's time and printed value; null where the line has no reading near `at` (a gap). */
    readonly reading: { readonly t: number; readonly text: string; readonly state?: TLabMark["state"] } | null;
    /** Results a correction or a cancellation replaced near `at`, when the chart shows them. */
    readonly superseded: readonly TLabMark[];
  }[];
}

/**
 * The values under a cursor (hover or keyboard): on each line, the point nearest to `at` if it lies within
 * `toleranceMs` and no break in the line separates them, so that a readout never bridges a gap any more than the
 * line does. Pure; the chart's own points, as drawn.
 */
export function readTrendAt(
  chart: TPreparedChart,
  at: number,
  { toleranceMs, locale }: { toleranceMs: number; locale: TLocale },
): TTrendReadout {
  return {
    at,
    lines: chart.lines.map((line) => {
      const points = line.points;
      // First index whose time is ≥ at (binary search: a week's line holds thousands of points).
      let lo = 0;
      let hi = points.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((points[mid]?.t ?? Infinity) < at) lo = mid + 1;
        else hi = mid;
      }
      const before = points[lo - 1];
      const after = points[lo];
      const candidates = [before, after].filter(
        (p) => p !== undefined && p.v !== null && Math.abs(p.t - at) <= toleranceMs,
      );
      const nearest = candidates.sort((a, b) => Math.abs((a?.t ?? 0) - at) - Math.abs((b?.t ?? 0) - at))[0];
      // A lab result reads as the lab wrote it ("< 0.10"), and says when it is a correction or preliminary.
      const mark = nearest ? line.marks?.current.find((m) => m.t === nearest.t && m.v === nearest.v) : undefined;
      const reading =
        nearest && nearest.v !== null
          ? mark
            ? { t: nearest.t, text: mark.text, state: mark.state }
            : { t: nearest.t, text: formatNumber(nearest.v, line.decimals, locale) }
          : null;
      const superseded = (line.marks?.superseded ?? []).filter((m) => Math.abs(m.t - at) <= toleranceMs);
      return { code: line.code, label: line.label, color: line.color, reading, superseded };
    }),
  };
}
