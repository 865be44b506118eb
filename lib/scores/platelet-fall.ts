import type { TTimedValue } from "./types";

const DAY_MS = 86_400_000;

export interface TPlateletFall {
  /** Highest count since heparin started, before the latest sample. */
  readonly peak: TTimedValue;
  readonly latest: TTimedValue;
  /** Lowest count after the peak (the 4Ts "nadir"). */
  readonly nadir: TTimedValue;
  /** Fall of the latest count from the peak, % of the peak (negative: above it). */
  readonly fallPct: number;
  /** Largest fall from the peak, at the nadir. */
  readonly maxFallPct: number;
  /** Elapsed days from heparin start to the first count at least 30 % below the peak; null if none is. */
  readonly onsetDay: number | null;
  /** Elapsed days from heparin start to the latest count. */
  readonly latestDay: number;
  /** Why a 4Ts screen is suggested: a fall > 50 %, or > 30 % on days 5–10 (docs/clinical-reference.md §3); null if not. */
  readonly screen: "fall50" | "fall30days5to10" | null;
}

/**
 * The fall of the platelet count from its post-heparin peak. In every support episode the station follows,
 * heparin starts at cannulation (the episode start) unless the caller knows better. Null until there are two
 * counts since heparin started.
 */
export function plateletFall(samples: readonly TTimedValue[], heparinStartedAt: number): TPlateletFall | null {
  const since = [...samples].filter((s) => s.t >= heparinStartedAt).sort((a, b) => a.t - b.t);
  const latest = since.at(-1);
  if (!latest || since.length < 2) return null;
  let peak = since[0] as TTimedValue;
  for (const s of since.slice(0, -1)) if (s.v > peak.v) peak = s;
  const after = since.filter((s) => s.t > peak.t);
  const nadir = after.reduce((low, s) => (s.v < low.v ? s : low), latest);
  const pct = (v: number) => (peak.v > 0 ? ((peak.v - v) / peak.v) * 100 : 0);
  const onset = after.find((s) => pct(s.v) >= 30);
  const fallPct = pct(latest.v);
  const latestDay = (latest.t - heparinStartedAt) / DAY_MS;
  const screen = fallPct > 50 ? "fall50" : fallPct > 30 && latestDay >= 5 && latestDay <= 10 ? "fall30days5to10" : null;
  return {
    peak,
    latest,
    nadir,
    fallPct,
    maxFallPct: pct(nadir.v),
    onsetDay: onset ? (onset.t - heparinStartedAt) / DAY_MS : null,
    latestDay,
    screen,
  };
}
