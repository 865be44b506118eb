import type { TBedTrends, TParameterSeries } from "./series";

/**
 * The default window's series as the bed page hands them to the browser with the HTML: each series' points as one
 * string instead of an array of `{"t":1796105400000,"v":3.52}` objects. The page carries them to give the trends'
 * cache its first data (recharts, the readout and the table need the points, not only the server-drawn sketch), and
 * as JSON they were ~28 bytes a point: 240 KB for a day of an ECMO bed, more than half the page, serialized by the
 * server and parsed by the browser before anything else could happen. Packed: ~10 bytes a point, nothing to escape.
 *
 * A point is `<Δt>,<v>`, points are joined by `;`. Δt is the step from the previous point's time (the first from
 * the series' `from`) in base 36 when both are whole ms (as stored times are), else `~` and the time itself in
 * decimal; `v` is the value as JavaScript writes it (which reads back to the very same number), or nothing for a
 * gap. Lossless both ways.
 */
export type TPackedSeries = Omit<TParameterSeries, "points"> & { readonly points: string };
export interface TPackedTrends {
  readonly series: readonly TPackedSeries[];
}

export function packTrends(trends: TBedTrends): TPackedTrends {
  return { series: trends.series.map(({ points, ...rest }) => ({ ...rest, points: packPoints(points, rest.from) })) };
}

export function unpackTrends(packed: TPackedTrends): TBedTrends {
  return { series: packed.series.map(({ points, ...rest }) => ({ ...rest, points: unpackPoints(points, rest.from) })) };
}

function packPoints(points: TParameterSeries["points"], from: number): string {
  const parts: string[] = [];
  let previous = from;
  for (const { t, v } of points) {
    const step = t - previous;
    const time = Number.isSafeInteger(t) && Number.isSafeInteger(previous) ? step.toString(36) : `~${t}`;
    parts.push(`${time},${v === null ? "" : String(v)}`);
    previous = t;
  }
  return parts.join(";");
}

function unpackPoints(text: string, from: number): TParameterSeries["points"] {
  if (text === "") return [];
  const points: TParameterSeries["points"] = [];
  let previous = from;
  for (const part of text.split(";")) {
    const comma = part.indexOf(",");
    const step = part.slice(0, comma);
    const value = part.slice(comma + 1);
    const t = step.startsWith("~") ? Number(step.slice(1)) : previous + parseInt(step, 36);
    points.push({ t, v: value === "" ? null : Number(value) });
    previous = t;
  }
  return points;
}
