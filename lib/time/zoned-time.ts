import { TZDate } from "@date-fns/tz";

/**
 * Wall-clock times in a unit's time zone, through @date-fns/tz (IANA zones, daylight-saving aware) rather than
 * hand-made offset arithmetic. Shared by the simulator's lab rounds and the importers' offset-less timestamps.
 */

/** A calendar day as seen in a time zone. */
export interface TLocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface TLocalDateTime extends TLocalDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** Answers of isTimeZone: building an Intl.DateTimeFormat costs about as much as a chart tick, and every tick asks. */
const KNOWN_ZONES = new Map<string, boolean>();

/** True when `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  let known = KNOWN_ZONES.get(timeZone);
  if (known !== undefined) return known;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    known = true;
  } catch {
    known = false;
  }
  // Zone names come from the units' settings: a handful per process, so the map stays small.
  KNOWN_ZONES.set(timeZone, known);
  return known;
}

/** The local calendar day of an instant. */
export function localDayOf(epochMs: number, timeZone: string): TLocalDay {
  const local = new TZDate(epochMs, timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** The day after (month and year roll over). */
export function nextLocalDay({ year, month, day }: TLocalDay): TLocalDay {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant of a local wall-clock time. A time skipped by a spring-forward change resolves to the instant after
 * the gap; a repeated autumn time resolves to its first occurrence (the library's rule, as the tests pin down).
 */
export function localTimeToDate(local: TLocalDateTime, timeZone: string): Date {
  const zoned = new TZDate(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
    timeZone,
  );
  return new Date(zoned.getTime());
}

export function zonedTimeToEpoch(day: TLocalDay, hour: number, minute: number, timeZone: string): number {
  return localTimeToDate({ ...day, hour, minute, second: 0, millisecond: 0 }, timeZone).getTime();
}

/** The zone's offset from UTC at an instant, ms (Paris: +3,600,000 in winter, +7,200,000 in summer); 0 for an unknown zone. */
export function utcOffsetMs(epochMs: number, timeZone: string): number {
  if (!isTimeZone(timeZone)) return 0;
  return -new TZDate(epochMs, timeZone).getTimezoneOffset() * 60_000;
}
