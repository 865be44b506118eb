import { getParameter, unitText, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import { downsampleMinMax, gapThresholdMs, type TSeriesPoint } from "@/lib/charts/downsample-min-max";
import type { TLocale } from "@/lib/i18n/locales";
import type { TBedDetail } from "./bed-detail";
import { targetIn } from "./bed-scope";
import { formatTarget } from "./format-target";
import { prepareLabMarks, type TLabMarks } from "./prepare-lab-marks";
import { alignedTicks, chooseStep } from "./time-axis";
import { valueTicks } from "./value-axis";
import type { TTrendChartId, TTrendChartSpec } from "./trend-charts";

/** Colours distinguishable on the dark theme; the second line of a chart is also dashed, so it reads in greyscale. */
const LINE_STYLES: readonly { color: string; dash?: string }[] = [
  { color: "#7cc7ff" },
  { color: "#ffd166", dash: "6 3" },
  { color: "#c3a6ff", dash: "2 3" },
  { color: "#7ee2b8", dash: "10 3 2 3" },
];

export interface TChartLine {
  readonly code: TParameterCode;
  readonly label: string;
  readonly color: string;
  readonly dash: string | undefined;
  readonly decimals: number;
  /** Points in the window; `v: null` breaks the line. Lab lines draw each sample as a marker. */
  readonly points: readonly TSeriesPoint[];
  readonly markers: boolean;
  /** A lab line's results as marked (censored, corrected, superseded on request); null on device lines. */
  readonly marks: TLabMarks | null;
}

export interface TPreparedChart {
  readonly id: TTrendChartId;
  readonly unit: string;
  readonly lines: readonly TChartLine[];
  /** The target of `spec.band`, as a shaded band; an open end is the edge of the plot. Null without data. */
  readonly band: { readonly y1: number; readonly y2: number; readonly text: string; readonly label: string } | null;
  readonly domain: readonly [number, number];
  /** Null when there is nothing to draw: the axis then stays at its default. */
  readonly yDomain: readonly [number, number] | null;
  readonly ticks: readonly number[];
  /** Value-axis ticks on round numbers inside yDomain (empty without data), shared by the sketch and recharts. */
  readonly yTicks: readonly number[];
  /** Times of lab results inside the window, drawn as thin markers on device charts. */
  readonly labMarkers: readonly number[];
  /** A lab chart has replaced (corrected, cancelled) results in the window: it offers to show them. */
  readonly hasSuperseded: boolean;
  readonly empty: boolean;
}

export interface TPrepareTrendChartOptions {
  readonly spec: TTrendChartSpec;
  /** The running support's, whose targets shade the band; null with none running (bed-scope.ts). */
  readonly deviceType: TDeviceType | null;
  readonly locale: TLocale;
  readonly timeZone: string;
  readonly from: number;
  readonly to: number;
  /** Points of each parameter (a series answer, or the lab samples); undefined while loading. */
  readonly points: Partial<Record<TParameterCode, readonly TSeriesPoint[]>>;
  readonly labTimes: readonly number[];
  /** Pixel columns: lab lines are downsampled like device lines when they are denser than this. */
  readonly width: number;
  /** The bed's lab results (current and replaced), for a lab chart's marks. */
  readonly labs?: TBedDetail["labs"];
  readonly replacedLabs?: TBedDetail["replacedLabs"];
  /** Draw the results that a correction or a cancellation replaced, apart (off by default). */
  readonly showSuperseded?: boolean;
}

/** A chart ready to draw: lines within the window, target band, axis domains and ticks. Pure. */
export function prepareTrendChart(options: TPrepareTrendChartOptions): TPreparedChart {
  const { spec, deviceType, locale, from, to } = options;
  const first = getParameter(spec.parameters[0] ?? "hr");
  const lines = spec.parameters.map((code, index): TChartLine => {
    const parameter = getParameter(code);
    const style = LINE_STYLES[index % LINE_STYLES.length] ?? { color: "#ffffff" };
    const raw = options.points[code] ?? [];
    const points =
      spec.source === "labs"
        ? downsampleMinMax(raw, {
            from,
            to,
            width: options.width,
            maxGapMs: gapThresholdMs(parameter.expectedIntervalSec),
          })
        : raw.filter((p) => p.t >= from && p.t <= to);
    const marks =
      spec.source === "labs"
        ? prepareLabMarks({
            samples: options.labs?.[code] ?? [],
            replaced: options.replacedLabs?.[code] ?? [],
            showSuperseded: options.showSuperseded ?? false,
            decimals: parameter.decimals,
            locale,
            from,
            to,
          })
        : null;
    return {
      code,
      label: parameter.short[locale],
      color: style.color,
      dash: style.dash,
      decimals: parameter.decimals,
      points,
      markers: spec.source === "labs",
      marks,
    };
  });

  const target = spec.band ? targetIn(spec.band, deviceType) : undefined;
  const bandParameter = spec.band ? getParameter(spec.band) : undefined;
  const band =
    target && bandParameter && (target.low !== undefined || target.high !== undefined)
      ? {
          y1: target.low,
          y2: target.high,
          text: formatTarget(target, bandParameter.decimals, locale) ?? "",
          label: bandParameter.short[locale],
        }
      : null;

  let low = Infinity;
  let high = -Infinity;
  for (const line of lines) {
    for (const p of [...line.points, ...(line.marks?.superseded ?? [])]) {
      if (p.v === null) continue;
      if (p.v < low) low = p.v;
      if (p.v > high) high = p.v;
    }
  }
  const empty = low === Infinity;
  // The target's limits stay in view: how far a value is from its target is the point of the band.
  for (const limit of [band?.y1, band?.y2]) {
    if (limit === undefined || empty) continue;
    low = Math.min(low, limit);
    high = Math.max(high, limit);
  }
  const pad = empty ? 0 : Math.max((high - low) * 0.08, Math.abs(high) * 0.02, 10 ** -first.decimals);
  const yDomain: readonly [number, number] | null = empty
    ? null
    : [roundDown(low - pad, first.decimals), roundUp(high + pad, first.decimals)];
  // An open end reaches the edge of the plot explicitly: recharts would otherwise shade the wrong side.
  const shaded = band && yDomain ? { ...band, y1: band.y1 ?? yDomain[0], y2: band.y2 ?? yDomain[1] } : null;

  return {
    id: spec.id,
    unit: unitText(first, locale),
    lines,
    band: shaded,
    domain: [from, to],
    yDomain,
    ticks: alignedTicks(from, to, chooseStep(from, to, 8), options.timeZone),
    yTicks: yDomain ? valueTicks(yDomain[0], yDomain[1], first.decimals) : [],
    labMarkers: spec.source === "labs" ? [] : options.labTimes.filter((t) => t >= from && t <= to),
    hasSuperseded: lines.some((line) => line.marks?.hasSuperseded === true),
    empty,
  };
}

function roundDown(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.floor(v * f) / f;
}

function roundUp(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.ceil(v * f) / f;
}
