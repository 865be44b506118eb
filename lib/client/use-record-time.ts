import { useLocale, useTimeZone } from "next-intl";
import { formatRecordTime } from "@/lib/bed/format-date-time";
import { isLocale } from "@/lib/i18n/locales";

/**
 * A record's date and time as the screens of the administration print it: in the user's language (day first in both,
 * never the US month-first order) and the station's zone (lib/i18n/request.ts), not the server's UTC.
 */
export function useRecordTime(): (at: number | string | Date) => string {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  return (at) => formatRecordTime(new Date(at).getTime(), isLocale(locale) ? locale : "en", timeZone);
}
