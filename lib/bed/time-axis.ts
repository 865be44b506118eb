/**
 * Time steps for chart ticks and table rows, aligned on the unit's wall clock (a 3 h step falls on 00:00, 03:00 …
 * of the unit, not of UTC).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const TIME_STEPS: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR];

const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Offset of a time zone from UTC at an instant, ms (Paris in winter: +3,600,000). UTC for an unknown zone. */
export function timeZoneOffsetMs(at: number, timeZone: string): number {
  let format = OFFSET_FORMATS.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    } catch {
      return 0;
    }
    OFFSET_FORMATS.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The smallest step that cuts [from, to] into at most `maxSteps`. */
export function chooseStep(from: number, to: number, maxSteps: number): number {
  const span = Math.max(1, to - from);
  return TIME_STEPS.find((step) => span / step <= maxSteps) ?? Math.ceil(span / maxSteps / (24 * HOUR)) * 24 * HOUR;
}

/** Instants within [from, to] that fall on a whole step of the unit's wall clock. */
export function alignedTicks(from: number, to: number, step: number, timeZone: string): number[] {
  const offset = timeZoneOffsetMs(to, timeZone);
  const first = Math.ceil((from + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}
