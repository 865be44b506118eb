import type { TTimedValue } from "./types";

export interface TLactateClearance {
  /** The earlier sample (L0) and the later one (Lt). */
  readonly l0: TTimedValue;
  readonly lt: TTimedValue;
  /** (L0 − Lt) / L0 × 100: positive when lactate falls, negative when it rises. */
  readonly pct: number;
}

/** The sample nearest to `at`, at most `toleranceMs` away (the earlier one on a tie). */
function nearest(samples: readonly TTimedValue[], at: number, toleranceMs: number): TTimedValue | undefined {
  let best: TTimedValue | undefined;
  for (const s of samples) {
    const distance = Math.abs(s.t - at);
    if (distance > toleranceMs) continue;
    if (!best || distance < Math.abs(best.t - at) || (distance === Math.abs(best.t - at) && s.t < best.t)) best = s;
  }
  return best;
}

/**
 * Clearance between the samples nearest to `fromAt` and to `toAt` (each within `toleranceMs`): lactates are drawn
 * hours apart, so the window is never exact. Null when either sample is missing, they are the same sample, or L0
 * is zero.
 */
export function lactateClearance(
  samples: readonly TTimedValue[],
  { fromAt, toAt, toleranceMs }: { fromAt: number; toAt: number; toleranceMs: number },
): TLactateClearance | null {
  const l0 = nearest(samples, fromAt, toleranceMs);
  const lt = nearest(samples, toAt, toleranceMs);
  if (!l0 || !lt || l0.t >= lt.t || l0.v <= 0) return null;
  return { l0, lt, pct: ((l0.v - lt.v) / l0.v) * 100 };
}

/**
 * Clearance over the last `windowMs` before the latest sample: Lt is the latest, L0 the sample nearest to
 * `windowMs` earlier, accepted within a third of the window (6 h: 4–8 h before; 24 h: 16–32 h before).
 */
export function recentLactateClearance(samples: readonly TTimedValue[], windowMs: number): TLactateClearance | null {
  const latest = samples.reduce<TTimedValue | undefined>((a, s) => (!a || s.t > a.t ? s : a), undefined);
  if (!latest) return null;
  return lactateClearance(samples, { fromAt: latest.t - windowMs, toAt: latest.t, toleranceMs: windowMs / 3 });
}

/**
 * Prognostic markers at 24 h of support (docs/clinical-reference.md §3): clearance below 64 % and lactate above
 * 1.55 mmol/L, from the first lactate of the episode (within 2 h of cannulation) to the one nearest 24 h later.
 */
export const POOR_CLEARANCE_24H_PCT = 64;
export const POOR_LACTATE_24H = 1.55;

export function cannulationLactateClearance(
  samples: readonly TTimedValue[],
  startedAt: number,
): (TLactateClearance & { poorPrognosis: boolean }) | null {
  const hour = 3_600_000;
  const result = lactateClearance(samples, { fromAt: startedAt, toAt: startedAt + 24 * hour, toleranceMs: 2 * hour });
  if (!result || result.l0.t < startedAt - 2 * hour) return null;
  return { ...result, poorPrognosis: result.pct < POOR_CLEARANCE_24H_PCT || result.lt.v > POOR_LACTATE_24H };
}
