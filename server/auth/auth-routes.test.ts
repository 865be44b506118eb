import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_FAILED } from "@/lib/db/auth/sign-in";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle, type TSignInThrottleOptions } from "@/lib/db/auth/sign-in-throttle";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser, signInTestUser, type TTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

let t: TestDb;
let world: TestEpisode;
let station: TTestStation;
let nurse: TTestUser;
/** Every answer's body: none may ever carry a password hash. */
let bodies: string[];

beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  nurse = await createTestUser(t.db, {
    role: "nurse",
    unitIds: [world.unitId],
    username: "cmartin",
    password: "the right password, long",
  });
  bodies = [];
  station = await startStation();
});
afterEach(async () => {
  expect(bodies.join("\n")).not.toMatch(/passwordHash|\$argon2/);
  await station.close();
  await t.cleanup();
});

/**
 * Behind a proxy, so that each test client can have its own address (X-Forwarded-For; without one, 127.0.0.1). The
 * third failure of a name from one address makes that pair wait (the fifth in production), a minute at first.
 */
const AUTH = toAuthConfig(ZAuthEnv.parse({ TRUST_PROXY: "true" }));
const startStation = (throttle: TSignInThrottleOptions = { freeFailuresPerPair: 2, baseDelaySeconds: 60 }) =>
  startTestStation({ db: t.db, auth: AUTH, throttle: new SignInThrottle(throttle) });

/** A post from the station's own page (its Origin), unless `headers` says otherwise; an `origin: null` sends none. */
async function post(
  path: string,
  body: unknown,
  headers: Record<string, string | null> = {},
  base: string = station.base,
) {
  const sent = Object.entries({ "content-type": "application/json", origin: base, ...headers }).filter(
    (e): e is [string, string] => e[1] !== null,
  );
  const response = await fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body), headers: sent });
  const text = await response.text();
  bodies.push(text);
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text
      ? (JSON.parse(text) as {
          error?: { code: string; message: string; retryAfterSeconds?: number };
          user?: Record<string, unknown>;
        })
      : undefined,
  };
}
const signIn = (username: string, password: string, headers?: Record<string, string | null>) =>
  post("/api/auth/sign-in", { username, password }, headers);
const signInFrom = (address: string, username: string, password: string, base?: string) =>
  post("/api/auth/sign-in", { username, password }, { "x-forwarded-for": address }, base);
const audits = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("POST /api/auth/sign-in", () => {
  it("signs in with the right password: the session user (no hash), an httpOnly cookie, and an audited sign-in", async () => {
    const answer = await signIn("CMartin ", nurse.password);
    expect(answer.status).toBe(200);
    expect(answer.json?.user).toEqual({
      userId: nurse.userId,
      username: "cmartin",
      displayName: expect.any(String) as string,
      role: "nurse",
      unitIds: [world.unitId],
      idleTimeoutMinutes: 30,
    });
    const cookie = answer.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^station_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = await fetch(`${station.base}/api/auth/session`, {
      headers: { cookie: cookie.split(";")[0] ?? "" },
    });
    const text = await session.text();
    bodies.push(text);
    expect(session.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ user: { userId: nurse.userId, role: "nurse" } });
    // The token is not in the database: only its hash.
    expect(await t.db.session.count({ where: { id: cookie.split(";")[0]?.split("=")[1] } })).toBe(0);
    expect(await audits("auth.sign-in")).toMatchObject([
      { actorId: nurse.userId, actorName: "cmartin", outcome: "success", ipAddress: "127.0.0.1" },
    ]);
  });

  it("answers every wrong password with the one generic 401, then makes the name wait at that address with 429 and Retry-After, refusing even the right password there", async () => {
    for (const attempt of [1, 2]) {
      const answer = await signIn("cmartin", `wrong password ${attempt}`);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: { code: "UNAUTHENTICATED", message: SIGN_IN_FAILED } });
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
    const pausing = await signIn("cmartin", "wrong password 3");
    expect(pausing.status).toBe(429);
    expect(pausing.json?.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 60 });
    expect(pausing.headers.get("retry-after")).toBe("60");
    const right = await signIn("cmartin", nurse.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(await t.db.session.count()).toBe(0);

    const failed = await audits("auth.sign-in-failed");
    expect(failed).toHaveLength(4);
    expect(failed.map((e) => (e.details as { reason: string }).reason)).toEqual([
      "wrong-password",
      "wrong-password",
      "wrong-password",
      "throttled",
    ]);
    expect(failed.every((e) => e.actorName === "cmartin")).toBe(true);
    expect(await audits("auth.locked-out")).toMatchObject([{ actorId: nurse.userId, outcome: "denied" }]);
  });

  it("lets the right password in from another address while one address is made to wait for that name", async () => {
    for (const attempt of [1, 2, 3, 4]) await signInFrom("10.6.6.6", "cmartin", `guess ${attempt}`);
    expect((await signInFrom("10.6.6.6", "cmartin", nurse.password)).status).toBe(429);
    // The nurse at her station: not locked out by a guesser elsewhere.
    const atHerStation = await signInFrom("10.0.0.7", "cmartin", nurse.password);
    expect(atHerStation.status).toBe(200);
    expect(atHerStation.headers.get("set-cookie")).toMatch(/^station_session=/);
    // Her success does not free the guesser.
    expect((await signInFrom("10.6.6.6", "cmartin", nurse.password)).status).toBe(429);
  });

  it("makes each failure past the free ones wait twice as long as the one before", async () => {
    const quick = await startStation({ freeFailuresPerPair: 2, baseDelaySeconds: 1 });
    try {
      const waits: string[] = [];
      for (const attempt of [1, 2, 3, 4, 5]) {
        const answer = await signInFrom("10.6.6.7", "cmartin", `guess ${attempt}`, quick.base);
        if (answer.status === 429) {
          waits.push(answer.headers.get("retry-after") ?? "");
          await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get("retry-after")) * 1000 + 100));
        } else expect(answer.status).toBe(401);
      }
      expect(waits).toEqual(["1", "2", "4"]);
    } finally {
      await quick.close();
    }
  });

  it("clears a name's failures at an address when it signs in there", async () => {
    for (const attempt of [1, 2]) expect((await signIn("cmartin", `wrong ${attempt}`)).status).toBe(401);
    expect((await signIn("cmartin", nurse.password)).status).toBe(200);
    for (const attempt of [3, 4]) expect((await signIn("cmartin", `wrong ${attempt}`)).status).toBe(401);
    expect((await signIn("cmartin", "wrong 5")).status).toBe(429);
  });

  it("answers an unknown username exactly as a wrong password, and makes it wait the same way", async () => {
    const wrong = await signIn("cmartin", "not the password");
    const unknown = await signIn("nobody-here", "not the password");
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.text).toBe(wrong.text);
    await signIn("nobody-here", "again");
    const unknownLocked = await signIn("nobody-here", "and again");
    await signIn("cmartin", "wrong again");
    const realLocked = await signIn("cmartin", "and wrong again");
    expect(unknownLocked.status).toBe(429);
    // A wait says nothing either: the same answer whether the name exists or not.
    expect(unknownLocked.text).toBe(realLocked.text);
    expect(unknownLocked.headers.get("retry-after")).toBe(realLocked.headers.get("retry-after"));
    const reasons = (await audits("auth.sign-in-failed"))
      .filter((e) => e.actorName === "nobody-here")
      .map((e) => (e.details as { reason: string }).reason);
    expect(reasons).toEqual(["unknown-username", "unknown-username", "unknown-username"]);
  });

  it("refuses a deactivated account with the same generic answer, auditing the real reason", async () => {
    await t.db.user.update({ where: { id: nurse.userId }, data: { active: false } });
    const answer = await signIn("cmartin", nurse.password);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { code: "UNAUTHENTICATED", message: SIGN_IN_FAILED } });
    expect((await audits("auth.sign-in-failed"))[0]?.details).toEqual({ reason: "deactivated" });
  });
});

describe("cross-site requests", () => {
  it("refuses a sign-in posted from another site, before checking anything", async () => {
    // A foreign Origin; the opaque "null" of a sandboxed frame; no Origin but the browser's word that it is cross-site.
    const crossSite: Record<string, string | null>[] = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { origin: null, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      const answer = await signIn("cmartin", nurse.password, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.json?.error?.code).toBe("FORBIDDEN");
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
    expect(await t.db.session.count()).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(0);
  });

  it("refuses a signed-in user's posts from another site: the session survives", async () => {
    const session = await signInTestUser(t.db, { role: "admin", unitIds: [world.unitId] });
    for (const path of [
      "/api/auth/sign-out",
      "/api/auth/sign-out-everywhere",
      "/api/imports",
      `/api/beds/${world.bedId}/save-score`,
    ]) {
      expect((await post(path, {}, { cookie: session.cookie, origin: "http://evil.example" })).status, path).toBe(403);
    }
    expect(await t.db.session.count({ where: { userId: session.userId } })).toBe(1);
    expect(station.reachedNext).toEqual([]);
  });
});

describe("POST /api/auth/sign-out", () => {
  it("ends this session only, clears the cookie, and audits it; sign-out-everywhere ends them all", async () => {
    const here = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
    const there = (await signIn(here.username, here.password)).headers.get("set-cookie")?.split(";")[0] ?? "";
    const third = (await signIn(here.username, here.password)).headers.get("set-cookie")?.split(";")[0] ?? "";
    const out = await post("/api/auth/sign-out", {}, { cookie: here.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^station_session=; Max-Age=0/);
    const stillSignedIn = async (cookie: string) =>
      (await fetch(`${station.base}/api/auth/session`, { headers: { cookie } })).status;
    expect(await stillSignedIn(here.cookie)).toBe(401);
    expect(await stillSignedIn(there)).toBe(200);
    expect((await post("/api/auth/sign-out-everywhere", {}, { cookie: there })).status).toBe(204);
    expect(await stillSignedIn(third)).toBe(401);
    expect(await audits("auth.sign-out")).toMatchObject([{ actorId: here.userId }]);
    expect(await audits("auth.sign-out-everywhere")).toMatchObject([
      { actorId: here.userId, details: { sessionsEnded: 2 } },
    ]);
  });
});
