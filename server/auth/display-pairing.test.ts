import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { createDisplay } from "@/lib/db/displays/create-display";
import { PAIRING_CODE_TTL_MS, issuePairingCode } from "@/lib/db/displays/issue-pairing-code";
import { PAIRING_FAILED } from "@/lib/db/displays/pair-display";
import { revokeDisplay } from "@/lib/db/displays/revoke-display";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

const admin = { userId: "admin-1", username: "admin", role: "admin" as const };
let t: TestDb;
let world: TestEpisode;
let station: TTestStation;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  // Behind a proxy, so that each test screen can have its own address (X-Forwarded-For); three wrong codes pause one.
  station = await startTestStation({
    db: t.db,
    auth: toAuthConfig(ZAuthEnv.parse({ TRUST_PROXY: "true" })),
    throttle: new SignInThrottle({ freeFailuresPerPair: 2, baseDelaySeconds: 60 }),
  });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

const newDisplay = () =>
  createDisplay({ db: t.db, input: { displayName: "ICU 3 wall", unitId: world.unitId }, actor: admin, context: null });
async function pair(code: string, screen = "10.0.0.1") {
  const response = await fetch(`${station.base}/api/auth/pair`, {
    method: "POST",
    body: JSON.stringify({ code }),
    headers: { "content-type": "application/json", "x-forwarded-for": screen },
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    cookie: response.headers.get("set-cookie"),
    json: (await response.json()) as {
      user?: { role: string; userId: string };
      error?: { code: string; message: string };
    },
  };
}
const sessionStatus = async (cookie: string) =>
  (await fetch(`${station.base}/api/auth/session`, { headers: { cookie } })).status;

describe("POST /api/auth/pair", () => {
  it("signs a wall screen in once with its code, typed in any case with dashes; a second use fails", async () => {
    const { code, display } = await newDisplay();
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const first = await pair(typed);
    expect(first.status).toBe(200);
    expect(first.json.user).toMatchObject({ userId: display.id, role: "display" });
    // A wall screen's cookie outlives a browser restart.
    expect(first.cookie).toMatch(/^station_session=[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await sessionStatus(first.cookie?.split(";")[0] ?? "")).toBe(200);

    const second = await pair(code, "10.0.0.2");
    expect(second.status).toBe(401);
    expect(second.json.error).toEqual({ code: "UNAUTHENTICATED", message: PAIRING_FAILED });
    expect(await t.db.session.count({ where: { userId: display.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "display.paired" } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "display.pairing-failed" } })).toBe(1);
  });

  it("refuses an expired code, and a code superseded by a newer one", async () => {
    const { display } = await newDisplay();
    const expired = await issuePairingCode({
      db: t.db,
      displayId: display.id,
      actor: admin,
      context: null,
      now: new Date(Date.now() - PAIRING_CODE_TTL_MS - 1_000),
    });
    expect((await pair(expired.code)).status).toBe(401);
    const older = await issuePairingCode({ db: t.db, displayId: display.id, actor: admin, context: null });
    const newer = await issuePairingCode({ db: t.db, displayId: display.id, actor: admin, context: null });
    expect((await pair(older.code)).status).toBe(401);
    expect((await pair(newer.code, "10.0.0.9")).status).toBe(200);
  });

  it("refuses a revoked display's session, over HTTP and at the socket, and its pending code", async () => {
    const { code, display } = await newDisplay();
    const cookie = (await pair(code)).cookie?.split(";")[0] ?? "";
    const socket = connectTestSocket(station.base, { cookie });
    sockets.push(socket);
    expect(await handshake(socket)).toEqual({ connected: true });
    const pending = await issuePairingCode({ db: t.db, displayId: display.id, actor: admin, context: null });
    await revokeDisplay({ db: t.db, displayId: display.id, actor: admin, context: null });
    expect(await sessionStatus(cookie)).toBe(401);
    const again = connectTestSocket(station.base, { cookie });
    sockets.push(again);
    expect(await handshake(again)).toMatchObject({ connected: false, data: { code: "UNAUTHENTICATED" } });
    // Nor can it be paired again: not with a code issued before, and no new code is issued.
    expect((await pair(pending.code, "10.0.0.3")).status).toBe(401);
    await expect(
      issuePairingCode({ db: t.db, displayId: display.id, actor: admin, context: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("pauses a screen that tries wrong codes, even for the right one, without pausing other screens", async () => {
    const { code } = await newDisplay();
    for (const wrong of ["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"]) expect((await pair(wrong, "10.0.0.66")).status).toBe(401);
    const paused = await pair(code, "10.0.0.66");
    expect(paused.status).toBe(429);
    expect(paused.json.error?.code).toBe("RATE_LIMITED");
    expect(Number(paused.retryAfter)).toBeGreaterThan(0);
    // The screen on the next wall was not part of it.
    expect((await pair(code, "10.0.0.67")).status).toBe(200);
    expect(await t.db.auditEvent.count({ where: { action: "display.pairing-failed" } })).toBe(3);
  });

  it("refuses a malformed code as invalid input, without spending a try", async () => {
    const answer = await pair("O0I1-????");
    expect(answer.status).toBe(400);
    expect(await t.db.auditEvent.count({ where: { action: "display.pairing-failed" } })).toBe(0);
  });
});
