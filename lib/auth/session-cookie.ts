import { parseCookie, stringifySetCookie } from "cookie";

/**
 * The session cookie. Behind TLS it takes the `__Host-` prefix, which browsers accept only with Secure, Path=/ and
 * no Domain: a sibling host cannot plant or overwrite it. httpOnly (no script reads it) and SameSite=Lax (not sent
 * on another site's sub-requests or form posts; the Origin check refuses those too).
 */
export const SESSION_COOKIE = "station_session";
export const SECURE_SESSION_COOKIE = "__Host-station_session";

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Reads the session token from a Cookie header, whichever of the two names carries it. */
export function readSessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = parseCookie(cookieHeader);
  return cookies[SECURE_SESSION_COOKIE] || cookies[SESSION_COOKIE] || undefined;
}

/**
 * The Set-Cookie value for a new session. A clinical session's cookie lives as long as the browser (the server ends
 * the session itself); a display's persists a year, so that a wall screen restarted overnight is still paired.
 */
export function sessionSetCookie(token: string, options: { secure: boolean; persistentDays?: number }): string {
  return stringifySetCookie(sessionCookieName(options.secure), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    maxAge: options.persistentDays ? options.persistentDays * 86_400 : undefined,
  });
}

/** Clears the cookie (sign-out, an expired or unknown session). */
export function clearSessionCookie(secure: boolean): string {
  return stringifySetCookie(sessionCookieName(secure), "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 0,
  });
}
