export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 0 before `fromMs`, 1 after `toMs`, an S-curve between: physiology changes gradually, never in a step. */
export function progress(scenarioMs: number, fromMs: number, toMs: number): number {
  if (scenarioMs <= fromMs) return 0;
  if (scenarioMs >= toMs) return 1;
  const x = (scenarioMs - fromMs) / (toMs - fromMs);
  return x * x * (3 - 2 * x);
}

/** Moves from `from` to `to` between two scenario times along the S-curve of `progress`. */
export function ramp(scenarioMs: number, fromMs: number, toMs: number, from: number, to: number): number {
  return from + (to - from) * progress(scenarioMs, fromMs, toMs);
}

/** Exponential approach from `start` to `floor`, e.g. lactate clearing after cannulation. */
export function settle(scenarioMs: number, start: number, floor: number, timeConstantMs: number): number {
  return floor + (start - floor) * Math.exp(-Math.max(0, scenarioMs) / timeConstantMs);
}
