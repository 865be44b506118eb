import type { TLocale } from "@/lib/i18n/locales";

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatter(
  kind: "time" | "dayTime" | "day" | "record",
  locale: TLocale,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = FORMATS.get(key);
  if (format) return format;
  const options: Intl.DateTimeFormatOptions =
    kind === "time"
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
      : kind === "day"
        ? { day: "2-digit", month: "2-digit" }
        : kind === "record"
          ? { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  try {
    format = new Intl.DateTimeFormat(tag, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" });
  }
  FORMATS.set(key, format);
  return format;
}

/** "06/01 14:05" in the unit's zone: lab samples are hours or days apart, so the day matters. */
export function formatDayTime(at: number, locale: TLocale, timeZone: string): string {
  return formatter("dayTime", locale, timeZone).format(at);
}

/** "06/01/2026 14:05": a record's time (imports, accounts, audit), which may be years old. */
export function formatRecordTime(at: number, locale: TLocale, timeZone: string): string {
  return formatter("record", locale, timeZone).format(at);
}

/** "14:05". */
export function formatHourMinute(at: number, locale: TLocale, timeZone: string): string {
  return formatter("time", locale, timeZone).format(at);
}

/** An axis tick: the day at midnight or for day-long steps, the time otherwise. */
export function formatTick(at: number, stepMs: number, locale: TLocale, timeZone: string): string {
  if (stepMs >= 24 * 3_600_000) return formatter("day", locale, timeZone).format(at);
  const time = formatter("time", locale, timeZone).format(at);
  return time === "00:00" ? formatter("day", locale, timeZone).format(at) : time;
}
