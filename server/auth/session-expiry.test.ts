import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TSessionEnded } from "@/lib/realtime/events";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { ZAuthEnv, getAuthConfig, toAuthConfig } from "@/lib/db/auth/auth-config";
import { createSession } from "@/lib/db/auth/create-session";
import { hashToken } from "@/lib/db/auth/session-token";
import { provideDb } from "@/lib/db/get-db";
import { GET as getStation } from "@/app/api/units/[unitId]/station/route";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { navigate } from "@/test/support/raw-request";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser, signInTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

// One minute of idleness ends a clinical session here; the server's clock is ours to move.
const config = toAuthConfig(ZAuthEnv.parse({ SESSION_IDLE_MINUTES: "1", SESSION_MAX_HOURS: "12" }));
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let clock: Date;
let t: TestDb;
let world: TestEpisode;
let station: TTestStation;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  clock = T0;
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  provideDb(t.db);
  station = await startTestStation({ db: t.db, auth: config, now: () => clock });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

const nurseSession = () => signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId], config, now: T0 });
const expiredAudits = (userId: string) =>
  t.db.auditEvent.findMany({ where: { action: "auth.session-expired", actorId: userId } });
const api = (cookie: string) => fetch(`${station.base}/api/units/${world.unitId}/station`, { headers: { cookie } });
const page = (cookie: string) => navigate(`${station.base}/station/${world.unitId}`, cookie);
const openSocket = (cookie: string) => {
  const socket = connectTestSocket(station.base, { cookie });
  sockets.push(socket);
  return socket;
};

describe("idle timeout", () => {
  it("refuses an idle session at the gate, saying it expired, for an API request and for a page, and audits it once", async () => {
    const nurse = await nurseSession();
    const other = await nurseSession();
    clock = at(50_000);
    expect((await api(nurse.cookie)).status).toBe(200);

    clock = at(61_000);
    const refused = await api(nurse.cookie);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", reason: "expired" } });
    expect(refused.headers.get("set-cookie")).toMatch(/^station_session=;.*Max-Age=0/);
    const sent = await page(other.cookie);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/sign-in?next=%2Fstation%2F${world.unitId}&reason=expired`);

    // The expired session is gone: asked again, it is simply unknown, and its expiry is not audited twice.
    const again = await api(nurse.cookie);
    expect(await again.json()).toMatchObject({ error: { reason: "none" } });
    expect(await expiredAudits(nurse.userId)).toHaveLength(1);
    expect(await expiredAudits(other.userId)).toHaveLength(1);
    expect((await expiredAudits(nurse.userId))[0]?.details).toMatchObject({ reason: "idle" });
    expect(station.reachedNext).toEqual([`GET /api/units/${world.unitId}/station`]);
  });

  it("counts opening a page and the screen's activity reports as activity, background requests not", async () => {
    const nurse = await nurseSession();
    clock = at(50_000);
    expect((await page(nurse.cookie)).status).toBe(200);
    clock = at(100_000);
    expect(
      (await fetch(`${station.base}/api/auth/activity`, { method: "POST", headers: { cookie: nurse.cookie } })).status,
    ).toBe(204);
    clock = at(150_000);
    // 150 s after signing in, 50 s after the last activity: still signed in. Background refreshes do not count…
    expect((await api(nurse.cookie)).status).toBe(200);
    clock = at(161_000);
    // …so 61 s after the last activity the session has ended, despite the refresh at 150 s.
    expect((await api(nurse.cookie)).status).toBe(401);
  });

  it("refuses an idle session in a route handler called directly, and audits it once", async () => {
    // Route handlers read the process's configuration (30 min by default) and the real clock.
    const lastActive = new Date(Date.now() - getAuthConfig().idleTimeoutMs - 60_000);
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId], now: lastActive });
    const call = () =>
      getStation(
        new Request(`http://station.test/api/units/${world.unitId}/station`, { headers: { cookie: nurse.cookie } }),
        { params: Promise.resolve({ unitId: world.unitId }) },
      );
    const response = await call();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", reason: "idle" } });
    expect((await call()).status).toBe(401);
    expect(await expiredAudits(nurse.userId)).toHaveLength(1);
  });

  it("refuses an idle session at the socket handshake", async () => {
    const nurse = await nurseSession();
    clock = at(61_000);
    expect(await handshake(openSocket(nurse.cookie))).toMatchObject({
      connected: false,
      data: { code: "UNAUTHENTICATED", reason: "expired" },
    });
    expect(await expiredAudits(nurse.userId)).toHaveLength(1);
  });

  it("ends the open socket of a session that idles out, telling the screen why, at the next sweep", async () => {
    const nurse = await nurseSession();
    const socket = openSocket(nurse.cookie);
    expect(await handshake(socket)).toEqual({ connected: true });
    const ended = new Promise<{ event: TSessionEnded; disconnect: string }>((resolve) =>
      socket.once("session:ended", (event) =>
        socket.once("disconnect", (disconnect) => resolve({ event, disconnect })),
      ),
    );
    clock = at(61_000);
    expect(await ended).toEqual({ event: { reason: "expired" }, disconnect: "io server disconnect" });
    expect(await expiredAudits(nurse.userId)).toHaveLength(1);
  });

  it("never idles a wall screen out", async () => {
    const display = await createTestUser(t.db, { role: "display", unitIds: [world.unitId] });
    const token = await createSession({
      db: t.db,
      userId: display.userId,
      role: "display",
      config,
      context: null,
      now: T0,
    });
    const cookie = `${SESSION_COOKIE}=${token}`;
    clock = at(30 * 86_400_000);
    const session = await fetch(`${station.base}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { role: "display", idleTimeoutMinutes: null } });
    expect(await handshake(openSocket(cookie))).toEqual({ connected: true });
    expect(await t.db.auditEvent.count({ where: { action: "auth.session-expired" } })).toBe(0);
  });
});

describe("maximum age", () => {
  it("ends a clinical session after SESSION_MAX_HOURS even while it is in use", async () => {
    const nurse = await nurseSession();
    clock = at(12 * 3_600_000 + 1_000);
    // Active a moment ago, as far as the idle timeout is concerned.
    await t.db.session.update({ where: { id: hashToken(nurse.token) }, data: { lastActiveAt: at(12 * 3_600_000) } });
    const refused = await api(nurse.cookie);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { reason: "expired" } });
    expect((await expiredAudits(nurse.userId))[0]?.details).toMatchObject({ reason: "max-age" });
  });
});
