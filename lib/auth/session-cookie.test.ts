import { describe, expect, it } from "vitest";
import {
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  readSessionToken,
  sessionCookieName,
  sessionSetCookie,
} from "./session-cookie";

describe("the session cookie", () => {
  it("is httpOnly, SameSite=Lax, on the whole site, and ends with the browser unless persistent", () => {
    expect(sessionSetCookie("tok", { secure: false })).toBe("station_session=tok; Path=/; HttpOnly; SameSite=Lax");
    expect(sessionSetCookie("tok", { secure: false, persistentDays: 2 })).toBe(
      "station_session=tok; Max-Age=172800; Path=/; HttpOnly; SameSite=Lax",
    );
  });

  it("takes the __Host- prefix and Secure behind TLS, without a Domain", () => {
    expect(sessionCookieName(true)).toBe(SECURE_SESSION_COOKIE);
    const cookie = sessionSetCookie("tok", { secure: true });
    expect(cookie).toBe("__Host-station_session=tok; Path=/; HttpOnly; Secure; SameSite=Lax");
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("is cleared with an empty value that expires at once", () => {
    expect(clearSessionCookie(false)).toBe("station_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    expect(clearSessionCookie(true)).toMatch(/^__Host-station_session=; Max-Age=0; .*Secure/);
  });

  it("is read under either name, among other cookies", () => {
    expect(readSessionToken(`theme=dark; ${SESSION_COOKIE}=abc; lang=fr`)).toBe("abc");
    expect(readSessionToken(`${SECURE_SESSION_COOKIE}=xyz`)).toBe("xyz");
    expect(readSessionToken(`${SESSION_COOKIE}=plain; ${SECURE_SESSION_COOKIE}=prefixed`)).toBe("prefixed");
  });

  it("reads as absent when there is none, or it is empty", () => {
    expect(readSessionToken(undefined)).toBeUndefined();
    expect(readSessionToken(null)).toBeUndefined();
    expect(readSessionToken("")).toBeUndefined();
    expect(readSessionToken("theme=dark")).toBeUndefined();
    expect(readSessionToken(`${SESSION_COOKIE}=`)).toBeUndefined();
  });
});
