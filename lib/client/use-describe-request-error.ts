"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCallback } from "react";
import { describeRequestError } from "./request-error";

/**
 * describeRequestError in the page's language: `(error) => sentence`. `timeZone` is the unit's, for a refusal that
 * names a time; without it the station's zone (next-intl's) is used.
 */
export function useDescribeRequestError(timeZone?: string): (error: unknown) => string {
  const t = useTranslations("refusals");
  const locale = useLocale();
  const stationZone = useTimeZone() ?? "UTC";
  const zone = timeZone ?? stationZone;
  return useCallback(
    (error: unknown) => describeRequestError(error, { locale, timeZone: zone, t: (key, values) => t(key, values) }),
    [locale, zone, t],
  );
}
