import { localDayOf, nextLocalDay, zonedTimeToEpoch, type TLocalDay } from "@/lib/time/zoned-time";
import { parseWallClockTime, type TShiftPattern } from "./shift-pattern";

/**
 * One occurrence of a shift on a unit: from `startsAt` to `endsAt` (epoch ms, end excluded). Around a
 * daylight-saving change a 12-hour night lasts 11 or 13 hours: instants come from the unit's zone, never from adding
 * hours.
 */
export interface TShift {
  /** Stable identity within a unit and pattern: the local start day and the shift's name, "2026-03-28/night". */
  readonly key: string;
  readonly name: string;
  /** The local calendar day the shift starts on, "2026-03-28". */
  readonly localDate: string;
  /** Local start and end times as the pattern says them, "19:00" and "07:00". */
  readonly startTime: string;
  readonly endTime: string;
  readonly startsAt: number;
  readonly endsAt: number;
  /** Plain text for logs and file names: "2026-03-28 night 19:00–07:00". Screens format their own, translated. */
  readonly label: string;
}

/** What every question about shifts needs: the unit's pattern and its IANA time zone. */
export interface TShiftContext {
  readonly pattern: TShiftPattern;
  readonly timeZone: string;
}

/** More than a year of 12-hour shifts: a guard against a caller asking for a range by mistake in seconds. */
const MAX_SHIFTS_LISTED = 1000;

interface TBoundary {
  readonly day: TLocalDay;
  readonly index: number;
  readonly at: number;
}

function formatDay({ year, month, day }: TLocalDay): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function previousLocalDay({ year, month, day }: TLocalDay): TLocalDay {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Every shift start of the given local days, in time order. */
function boundariesOf(days: readonly TLocalDay[], { pattern, timeZone }: TShiftContext): TBoundary[] {
  const boundaries = days.flatMap((day) =>
    pattern.shifts.map((shift, index) => {
      const { hour, minute } = parseWallClockTime(shift.start);
      return { day, index, at: zonedTimeToEpoch(day, hour, minute, timeZone) };
    }),
  );
  boundaries.sort((a, b) => a.at - b.at);
  // A start inside a spring-forward gap moves to the end of the gap and may land on the next start: the shift it
  // opens then lasts no time at all, and the later one (in pattern order) takes over.
  return boundaries.filter((b, i) => boundaries[i + 1]?.at !== b.at);
}

function toShift(start: TBoundary, end: TBoundary, pattern: TShiftPattern): TShift {
  const definition = pattern.shifts[start.index];
  const next = pattern.shifts[end.index];
  if (!definition || !next) throw new Error("Shift boundary outside its pattern");
  const localDate = formatDay(start.day);
  return {
    key: `${localDate}/${definition.name}`,
    name: definition.name,
    localDate,
    startTime: definition.start,
    endTime: next.start,
    startsAt: start.at,
    endsAt: end.at,
    label: `${localDate} ${definition.name} ${definition.start}–${next.start}`,
  };
}

/** The shift an instant falls in (a shift includes its start and excludes its end). */
export function shiftAt(instant: number, context: TShiftContext): TShift {
  const day = localDayOf(instant, context.timeZone);
  // The shift may have started the local day before (a night) and ends at the latest on the day after.
  const boundaries = boundariesOf([previousLocalDay(day), day, nextLocalDay(day)], context);
  for (let i = boundaries.length - 2; i >= 0; i--) {
    const start = boundaries[i];
    const end = boundaries[i + 1];
    if (start && end && start.at <= instant && instant < end.at) return toShift(start, end, context.pattern);
  }
  throw new Error(`No shift contains ${new Date(instant).toISOString()} in ${context.timeZone}`);
}

/** The shift right after this one. */
export function nextShift(shift: TShift, context: TShiftContext): TShift {
  return shiftAt(shift.endsAt, context);
}

/** The shift right before this one. */
export function previousShift(shift: TShift, context: TShiftContext): TShift {
  return shiftAt(shift.startsAt - 1, context);
}

/** The shift that `key` names ("2026-03-28/night"), or null when the pattern has no such shift on that day. */
export function shiftByKey(key: string, context: TShiftContext): TShift | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})\/(.+)$/.exec(key);
  if (!match) return null;
  const [, year, month, day, name] = match;
  const definition = context.pattern.shifts.find((s) => s.name === name);
  if (!definition) return null;
  const { hour, minute } = parseWallClockTime(definition.start);
  const localDay = { year: Number(year), month: Number(month), day: Number(day) };
  const shift = shiftAt(zonedTimeToEpoch(localDay, hour, minute, context.timeZone), context);
  return shift.key === key ? shift : null;
}

/**
 * Every shift overlapping [from, to), in time order: the first may have started before `from`, the last may end
 * after `to`. An empty or reversed range gives none.
 */
export function shiftsBetween(from: number, to: number, context: TShiftContext): TShift[] {
  const shifts: TShift[] = [];
  if (!(to > from)) return shifts;
  let shift = shiftAt(from, context);
  while (shift.startsAt < to) {
    if (shifts.length >= MAX_SHIFTS_LISTED) {
      throw new RangeError(`More than ${MAX_SHIFTS_LISTED} shifts between the two instants: ask for a shorter range`);
    }
    shifts.push(shift);
    shift = nextShift(shift, context);
  }
  return shifts;
}
