import type { TParsedTime } from "../import-record";
import { localTimeToDate } from "@/lib/time/zoned-time";

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a CSV time: ISO 8601 to the minute, with an offset ("2026-11-20T08:15:00+01:00", "…Z"), or without one
 * when the import names the zone of its local times (MIMIC's charttime). A local time with no zone named is refused:
 * guessing the zone would shift every reading by hours.
 */
export function parseCsvTime(text: string, timeZone: string | undefined): TParsedTime {
  const value = text.trim();
  const match = ISO.exec(value);
  if (!match) return { ok: false, reason: `"${value}" is not a date and time (YYYY-MM-DDThh:mm[:ss][+hh:mm])` };
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const local = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: ms === undefined ? 0 : Number(ms.padEnd(3, "0")),
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
  if (zone === "Z") return { ok: true, at: new Date(wall) };
  if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4));
    if (hours > 14 || minutes > 59) return { ok: false, reason: `"${value}" has an invalid time-zone offset` };
    return { ok: true, at: new Date(wall - sign * (hours * 60 + minutes) * 60_000) };
  }
  if (!timeZone)
    return { ok: false, reason: `"${value}" has no time-zone offset: add one (+01:00, Z) or import with a time zone` };
  return { ok: true, at: localTimeToDate(local, timeZone) };
}
