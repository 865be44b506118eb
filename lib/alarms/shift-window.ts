import { localDayOf, nextLocalDay, zonedTimeToEpoch, type TLocalDay } from "@/lib/time/zoned-time";

/**
 * The shift an instant falls in, for the alarm-burden counts: day 07:00–19:00 and night 19:00–07:00 in the unit's
 * time zone (the usual ICU handover times; the handover work may bring units their own pattern, lib/shifts). Local
 * wall-clock times, so that a night across a daylight-saving change is 11 or 13 h long, as the nurses live it.
 */
export const DAY_SHIFT_START_HOUR = 7;
export const NIGHT_SHIFT_START_HOUR = 19;

export interface TShiftWindow {
  readonly kind: "day" | "night";
  /** Epoch ms, start inclusive, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export function shiftWindowAt(at: number, timeZone: string): TShiftWindow {
  const today = localDayOf(at, timeZone);
  const dayStart = zonedTimeToEpoch(today, DAY_SHIFT_START_HOUR, 0, timeZone);
  const nightStart = zonedTimeToEpoch(today, NIGHT_SHIFT_START_HOUR, 0, timeZone);
  if (at < dayStart) return { kind: "night", start: zonedTimeToEpoch(previousLocalDay(today), NIGHT_SHIFT_START_HOUR, 0, timeZone), end: dayStart };
  if (at < nightStart) return { kind: "day", start: dayStart, end: nightStart };
  return { kind: "night", start: nightStart, end: zonedTimeToEpoch(nextLocalDay(today), DAY_SHIFT_START_HOUR, 0, timeZone) };
}

/** The shift before the one `at` falls in. */
export function previousShiftWindow(at: number, timeZone: string): TShiftWindow {
  return shiftWindowAt(shiftWindowAt(at, timeZone).start - 1, timeZone);
}

function previousLocalDay({ year, month, day }: TLocalDay): TLocalDay {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
