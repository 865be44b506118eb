/**
 * The station speaks English and French. No locale in the URL: a wall screen keeps one address, and the language
 * is a per-screen choice stored in a cookie (the cookie name next-intl itself uses, so its tooling recognises it).
 */
export const LOCALES = ["en", "fr"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A wall screen keeps its language for a year unless someone switches it. */
export const LOCALE_COOKIE_MAX_AGE_SEC = 365 * 24 * 3600;

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale in force for a cookie value: anything unknown (tampered, removed language) falls back to English. */
export function resolveLocale(cookieValue: string | undefined): TLocale {
  return isLocale(cookieValue) ? cookieValue : DEFAULT_LOCALE;
}
