import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SEC, type TLocale } from "./locales";

/** Stores this screen's language where lib/i18n/request.ts reads it on the next server render. Browser only. */
export function writeLocaleCookie(locale: TLocale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_SEC}; samesite=lax`;
}
