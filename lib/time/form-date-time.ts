import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { TLocale } from "@/lib/i18n/locales";
import { FORM_DATE_PATTERNS, parseFormDate } from "./parse-form-date";
import { localTimeToDate } from "./zoned-time";

/**
 * An instant as a date-and-time field shows it: day first, 24 h clock, in the unit's zone (issue 17), whatever the
 * browser's own locale and zone. The same pattern parseFormDate reads back.
 */
export function formatFormDateTime(epochMs: number, locale: TLocale, timeZone: string): string {
  return format(new TZDate(epochMs, timeZone), FORM_DATE_PATTERNS[locale].dateTime);
}

/** A typed date and time read in the unit's zone, as epoch ms; null when it is not one (the form says so). */
export function readFormDateTime({
  text,
  locale,
  timeZone,
}: {
  text: string;
  locale: TLocale;
  timeZone: string;
}): number | null {
  const typed = parseFormDate({ text, locale, kind: "dateTime" });
  return typed === null ? null : localTimeToDate({ ...typed, millisecond: 0 }, timeZone).getTime();
}
