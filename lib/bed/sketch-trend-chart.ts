import type { TLabMark } from "./prepare-lab-marks";
import type { TPreparedChart } from "./prepare-trend-chart";

/**
 * A prepared chart as plain SVG geometry in a fixed 1000 × 1000 box that the drawing stretches over the plot area:
 * what the server renders with the page, so that the trends are on screen before any script has run. The same
 * points, domains and ticks as recharts is then given (the chart's data stays prepareTrendChart's output); only
 * the scaling happens here. Integer coordinates and relative steps keep the page small (a 700 px plot resolves
 * 0.7 px per unit; a line is written `M x y` then `l dx dy`, `h dx` or `v dy` per point, half the bytes of
 * absolute coordinates for the same drawing).
 */
export const SKETCH_SIZE = 1_000;

export interface TSketchLine {
  readonly code: string;
  readonly color: string;
  readonly dash: string | undefined;
  /**
   * The line, broken wherever a point is null: a gap stays a gap. Empty when nothing is in the window. A point on
   * the very unit of the one before adds nothing to draw and is left out.
   */
  readonly d: string;
  /**
   * One zero-length segment per lab sample that has no mark in `marks`, drawn with round caps as dots; null for
   * device lines.
   */
  readonly dots: string | null;
  /**
   * A lab line's results as the interactive chart marks them (lib/bed/prepare-lab-marks.ts: a censored result's
   * triangle, a correction's ring, the superseded results when asked for), where each is drawn. The shapes are drawn
   * apart from the stretched box, so that a triangle stays a triangle.
   */
  readonly marks: readonly TSketchMark[];
}

/** A lab mark and where it is drawn, as fractions of the plot (0: left or top, 1: right or bottom). */
export interface TSketchMark {
  readonly x: number;
  readonly y: number;
  readonly mark: TLabMark;
}

export interface TTrendSketch {
  readonly lines: readonly TSketchLine[];
  /** The shaded target band, top and bottom in box units; null without a band. */
  readonly band: { readonly top: number; readonly bottom: number } | null;
  /** Tick positions as fractions of the plot (0: left or top, 1: right or bottom) with the value they stand for. */
  readonly xTicks: readonly { readonly t: number; readonly at: number }[];
  readonly yTicks: readonly { readonly v: number; readonly at: number }[];
  readonly labMarkers: readonly number[];
}

/** Pure: the sketch of a chart that has data (`chart.yDomain` set); an empty chart sketches to nothing. */
export function sketchTrendChart(chart: TPreparedChart): TTrendSketch {
  const [from, to] = chart.domain;
  const [low, high] = chart.yDomain ?? [0, 1];
  const xFraction = (t: number) => (t - from) / Math.max(1, to - from);
  const yFraction = (v: number) => (high - v) / (high - low || 1);
  const x = (t: number) => Math.round(xFraction(t) * SKETCH_SIZE);
  const y = (v: number) => Math.round(yFraction(v) * SKETCH_SIZE);

  const lines = chart.lines.map((line): TSketchLine => {
    const path: string[] = [];
    const dots: string[] = [];
    // As the interactive chart does: a point carries the mark of the result at its time, the superseded ones apart.
    const current = new Map((line.marks?.current ?? []).map((m) => [m.t, m]));
    const marks: TSketchMark[] = [];
    let pen: { x: number; y: number } | null = null;
    for (const p of line.points) {
      if (p.v === null) {
        pen = null;
        continue;
      }
      const at = { x: x(p.t), y: y(p.v) };
      const mark = current.get(p.t);
      if (mark) marks.push({ x: xFraction(p.t), y: yFraction(p.v), mark });
      else if (line.markers) dots.push(`M${at.x} ${at.y}h0`);
      path.push(pen === null ? `M${at.x} ${at.y}` : step(at.x - pen.x, at.y - pen.y));
      pen = at;
    }
    for (const mark of line.marks?.superseded ?? []) marks.push({ x: xFraction(mark.t), y: yFraction(mark.v), mark });
    return {
      code: line.code,
      color: line.color,
      dash: line.dash,
      d: path.join(""),
      dots: line.markers ? dots.join("") : null,
      marks,
    };
  });

  const band =
    chart.band && chart.yDomain
      ? { top: Math.max(0, y(chart.band.y2)), bottom: Math.min(SKETCH_SIZE, y(chart.band.y1)) }
      : null;
  return {
    lines,
    band: band && band.bottom > band.top ? band : null,
    xTicks: chart.ticks.map((t) => ({ t, at: xFraction(t) })),
    yTicks: chart.yDomain ? chart.yTicks.map((v) => ({ v, at: yFraction(v) })) : [],
    labMarkers: chart.labMarkers.map(x),
  };
}

/** A relative step of the pen, in its shortest form ("" when it does not move). */
function step(dx: number, dy: number): string {
  if (dy === 0) return dx === 0 ? "" : `h${dx}`;
  if (dx === 0) return `v${dy}`;
  // A minus sign separates two numbers by itself.
  return `l${dx}${dy < 0 ? "" : " "}${dy}`;
}
