import type { TParsedTime } from "../import-record";
import { localTimeToDate } from "@/lib/time/zoned-time";

const TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

export interface TParseHl7TimeOptions {
  /** The zone of a time sent without an offset: HL7 says the sender's local time, which the site configures. */
  timeZone: string;
  /** The offset in minutes the message header (MSH-7) carried, used for a field that carries none. */
  fallbackOffsetMinutes?: number;
}

/**
 * Parses an HL7 v2 DTM/TS (YYYYMMDDHHMM[SS[.SSSS]][+/-ZZZZ]). A time less precise than the minute is refused: the
 * station orders and compares readings by time, and "some time on 3 January" cannot be placed on a trend.
 */
export function parseHl7Time(text: string, { timeZone, fallbackOffsetMinutes }: TParseHl7TimeOptions): TParsedTime {
  const value = text.trim();
  const match = TS.exec(value);
  if (!match) return { ok: false, reason: `"${value}" is not an HL7 time (YYYYMMDDHHMM[SS][+/-ZZZZ])` };
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  if (mi === undefined) return { ok: false, reason: `"${value}" is not precise to the minute` };
  const local = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000),
  };
  const probe = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (
    local.month < 1 ||
    local.month > 12 ||
    probe.getUTCDate() !== local.day ||
    local.hour > 23 ||
    local.minute > 59 ||
    local.second > 59
  ) {
    return { ok: false, reason: `"${value}" is not a valid date and time` };
  }
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  const offset = zone === undefined ? fallbackOffsetMinutes : parseOffset(zone);
  if (offset === null) return { ok: false, reason: `"${value}" has an invalid time-zone offset ${zone}` };
  if (offset !== undefined) return { ok: true, at: new Date(wall - offset * 60_000) };
  return { ok: true, at: localTimeToDate(local, timeZone) };
}

/** "+0700" → 420, "-0800" → -480; null when out of range. */
function parseOffset(zone: string): number | null {
  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(3, 5));
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** The offset an HL7 time carries, in minutes, or undefined when it carries none. */
export function hl7TimeOffset(text: string): number | undefined {
  const zone = TS.exec(text.trim())?.[8];
  if (!zone) return undefined;
  return parseOffset(zone) ?? undefined;
}
