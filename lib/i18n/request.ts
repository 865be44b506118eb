import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: await loadMessages(locale),
    // Server-rendered dates use the server's zone (it runs in the hospital); the station formats its clock and
    // reading times in the unit's own time zone from the snapshot, so this only matters for server-side text.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
});
