import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { loadMessages } from "./messages";
import { stationTimeZone } from "@/lib/env/station-time-zone";

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: await loadMessages(locale),
    // The station's zone (lib/env/station-time-zone.ts), not the server's, which may well be UTC: the
    // administration's and imports' times are read in it; a unit's own screens use the unit's zone from their data.
    timeZone: stationTimeZone(),
  };
});
