import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";
import { alignedTicks, chooseStep } from "./time-axis";
import type { TChartLine } from "./prepare-trend-chart";

export interface TTableCell {
  readonly min: number;
  readonly max: number;
  /** "3.42" or "3.38–3.61": the same min and max the chart draws for that stretch. */
  readonly text: string;
}

export interface TTrendTable {
  readonly stepMs: number;
  /** Newest first. A null cell is a stretch without readings: shown as a gap, never as a value. */
  readonly rows: readonly {
    readonly from: number;
    readonly to: number;
    readonly cells: readonly (TTableCell | null)[];
  }[];
}

/** The chart's points as a table: one row per clock-aligned step of the window, min–max of each line per row. */
export function prepareTrendTable(
  lines: readonly TChartLine[],
  {
    from,
    to,
    timeZone,
    locale,
    maxRows = 48,
    onlyFilled = false,
  }: {
    from: number;
    to: number;
    timeZone: string;
    locale: TLocale;
    maxRows?: number;
    /** Labs are hours apart: their table lists the stretches that hold a sample, not every empty one between. */
    onlyFilled?: boolean;
  },
): TTrendTable {
  const stepMs = chooseStep(from, to, maxRows);
  const starts = alignedTicks(from - stepMs, to, stepMs, timeZone).filter((t) => t + stepMs > from);
  const rows = starts.map((start) => {
    const end = start + stepMs;
    const cells = lines.map((line): TTableCell | null => {
      let min = Infinity;
      let max = -Infinity;
      for (const p of line.points) {
        if (p.v === null || p.t < start || p.t >= end || p.t < from || p.t > to) continue;
        if (p.v < min) min = p.v;
        if (p.v > max) max = p.v;
      }
      if (min === Infinity) return null;
      // A lab result is written as the lab wrote it ("< 0.10"), from its mark at the extreme's time.
      const written = (v: number) =>
        line.marks?.current.find((m) => m.v === v && m.t >= start && m.t < end)?.text ??
        formatNumber(v, line.decimals, locale);
      const a = written(min);
      const b = written(max);
      return { min, max, text: a === b ? a : `${a}–${b}` };
    });
    return { from: Math.max(start, from), to: Math.min(end, to), cells };
  });
  const kept = onlyFilled ? rows.filter((row) => row.cells.some((cell) => cell !== null)) : rows;
  return { stepMs, rows: kept.reverse() };
}
