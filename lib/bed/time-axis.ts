import { utcOffsetMs } from "@/lib/time/zoned-time";

/**
 * Time steps for chart ticks and table rows, aligned on the unit's wall clock (a 3 h step falls on 00:00, 03:00 …
 * of the unit, not of UTC), through lib/time so that a daylight-saving change inside a week-long window moves
 * the ticks with the clocks.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const TIME_STEPS: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  48 * HOUR,
];

/** The smallest step that cuts [from, to] into at most `maxSteps`. */
export function chooseStep(from: number, to: number, maxSteps: number): number {
  const span = Math.max(1, to - from);
  return TIME_STEPS.find((step) => span / step <= maxSteps) ?? Math.ceil(span / maxSteps / (24 * HOUR)) * 24 * HOUR;
}

/**
 * Instants within [from, to] that fall on a whole step of the unit's wall clock. Stepping happens in wall-clock
 * time; each tick is converted back with the offset in force at that tick (a wall time skipped by the spring
 * change is dropped, so no tick is drawn twice).
 */
export function alignedTicks(from: number, to: number, step: number, timeZone: string): readonly number[] {
  // Every chart of a window asks for the very same ticks (the bed view draws a dozen), and each tick costs three
  // zone lookups: the answer is kept for the last few windows. Pure, so a kept answer is the answer.
  const key = `${from}|${to}|${step}|${timeZone}`;
  const kept = RECENT_TICKS.get(key);
  if (kept) return kept;
  const ticks = computeTicks(from, to, step, timeZone);
  RECENT_TICKS.set(key, ticks);
  if (RECENT_TICKS.size > RECENT_TICKS_KEPT) RECENT_TICKS.delete(RECENT_TICKS.keys().next().value ?? key);
  return ticks;
}

/** Windows whose ticks are kept: the charts of the window shown, its table, a zoom or two. */
const RECENT_TICKS_KEPT = 8;
const RECENT_TICKS = new Map<string, readonly number[]>();

function computeTicks(from: number, to: number, step: number, timeZone: string): readonly number[] {
  const toInstant = (wall: number) => {
    const guess = wall - utcOffsetMs(wall, timeZone);
    return wall - utcOffsetMs(guess, timeZone);
  };
  const ticks: number[] = [];
  for (let wall = Math.ceil((from + utcOffsetMs(from, timeZone)) / step) * step; ; wall += step) {
    const t = toInstant(wall);
    if (t > to) break;
    if (t >= from && t + utcOffsetMs(t, timeZone) === wall && t !== ticks.at(-1)) ticks.push(t);
  }
  return ticks;
}
