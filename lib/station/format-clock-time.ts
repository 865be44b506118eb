import type { TLocale } from "@/lib/i18n/locales";

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/**
 * HH:MM:SS in the unit's time zone, 24-hour in both languages: a wall screen in a unit shows the unit's clock,
 * whatever zone the browser driving it was set to.
 */
export function formatClockTime(epochMs: number, locale: TLocale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = createFormatter(locale, timeZone);
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(epochMs);
}

function createFormatter(locale: TLocale, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  };
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  try {
    return new Intl.DateTimeFormat(tag, { ...options, timeZone });
  } catch {
    // A zone this browser does not know must not blank the screen: UTC is shown, and says so by the zone name.
    return new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC", timeZoneName: "short" });
  }
}
