import { z } from "zod";

/** The ranges a trend can show: relative ones follow the live edge; "episode" runs from the start of support. */
export const TREND_RANGES = ["6h", "24h", "72h", "7d", "episode"] as const;
export const ZTrendRange = z.enum(TREND_RANGES);
export type TTrendRange = z.infer<typeof ZTrendRange>;

const HOUR = 3_600_000;
export const RANGE_MS: Readonly<Record<Exclude<TTrendRange, "episode">, number>> = {
  "6h": 6 * HOUR,
  "24h": 24 * HOUR,
  "72h": 72 * HOUR,
  "7d": 7 * 24 * HOUR,
};

/**
 * What a chart shows: a named range that follows the live edge, or a fixed window chosen by zooming or panning
 * (which stays where it was put while readings arrive).
 */
export type TTrendWindow =
  | { readonly kind: "live"; readonly range: TTrendRange }
  | { readonly kind: "fixed"; readonly from: number; readonly to: number };

/** The window every bed view opens on: the server renders it with the page. */
export const DEFAULT_TREND_WINDOW: Extract<TTrendWindow, { kind: "live" }> = { kind: "live", range: "24h" };

/**
 * The series width of a 1920 px desktop (two columns of charts): what the server renders the default window at, and
 * what the first render in the browser keeps until the container is measured, so that hydration draws the very same
 * charts and a desktop's measure changes nothing.
 */
export const PRELOAD_WIDTH = 700;

/** The live edge of a bed's trends: its newest reading or the server's time, so that charts slide when data arrives. */
export function liveEdgeOf(detail: {
  readonly serverTime: number;
  readonly latest: Readonly<Record<string, { readonly observedAt: number }>>;
}): number {
  return Math.max(detail.serverTime, ...Object.values(detail.latest).map((l) => l.observedAt));
}

/** Span of a live window, null for the whole episode. */
export function liveSpanMs(range: TTrendRange): number | null {
  return range === "episode" ? null : RANGE_MS[range];
}

/** The time range to ask the server for: [from, to] within the episode. */
export function resolveWindow(
  window: TTrendWindow,
  { now, episodeStart }: { now: number; episodeStart: number },
): { from: number; to: number } {
  if (window.kind === "fixed") return { from: Math.max(window.from, episodeStart), to: window.to };
  const span = liveSpanMs(window.range);
  return { from: span === null ? episodeStart : Math.max(episodeStart, now - span), to: now };
}

/** Shortest window a zoom may choose: below it a 5 s stream has too few readings to draw. */
export const MIN_ZOOM_MS = 5 * 60_000;

/** A window moved by a fraction of its width (negative: back in time), kept within the episode and now. */
export function panWindow(
  from: number,
  to: number,
  fraction: number,
  bounds: { episodeStart: number; now: number },
): { from: number; to: number } {
  const span = to - from;
  let nextFrom = from + span * fraction;
  nextFrom = Math.min(Math.max(nextFrom, bounds.episodeStart), bounds.now - span);
  return { from: Math.round(nextFrom), to: Math.round(nextFrom + span) };
}
