import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TObservationsRecorded, TReplayAnswer, TSessionEnded } from "@/lib/realtime/events";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { createSession } from "@/lib/db/auth/create-session";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

let t: TestDb;
let station: TTestStation;
let unitA: TestEpisode;
let unitB: TestEpisode;
let nurseOfA: TTestSession;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestDb();
  unitA = await seedTestEpisode(t.db, { suffix: "1" });
  unitB = await seedTestEpisode(t.db, { suffix: "2" });
  nurseOfA = await signInTestUser(t.db, { role: "nurse", unitIds: [unitA.unitId] });
  station = await startTestStation({ db: t.db });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

function open(options: Parameters<typeof connectTestSocket>[1] = {}): TestSocket {
  const socket = connectTestSocket(station.base, options);
  sockets.push(socket);
  return socket;
}

async function openSignedIn(cookie: string): Promise<TestSocket> {
  const socket = open({ cookie });
  expect(await handshake(socket)).toEqual({ connected: true });
  return socket;
}

const subscribeUnit = (socket: TestSocket, unitId: string) =>
  socket.timeout(5_000).emitWithAck("unit:subscribe", { unitId, sinceSeq: 0 }) as Promise<TReplayAnswer>;

const reading = (ep: TestEpisode, ref: string) => ({
  episodeId: ep.episodeId,
  parameter: "ecmo_flow",
  value: 3.5,
  unit: "L/min",
  observedAt: new Date(),
  source: "device" as const,
  sourceRef: ref,
});

describe("socket handshake", () => {
  it("refuses a socket without a session, or with a forged one, saying why", async () => {
    expect(await handshake(open())).toMatchObject({
      connected: false,
      data: { code: "UNAUTHENTICATED", reason: "none" },
    });
    expect(await handshake(open({ cookie: `${SESSION_COOKIE}=forged` }))).toMatchObject({
      connected: false,
      data: { code: "UNAUTHENTICATED", reason: "none" },
    });
  });

  it("refuses a handshake from another site's page, even with a valid session", async () => {
    const foreign = open({ cookie: nurseOfA.cookie, origin: "http://evil.example", reconnection: false });
    expect(await handshake(foreign)).toMatchObject({ connected: false });
    // The station's own pages (Origin = the host they were served from) connect.
    expect(await handshake(open({ cookie: nurseOfA.cookie, origin: station.base }))).toEqual({ connected: true });
  });
});

describe("unit membership on the socket", () => {
  it("refuses another unit's bed and station with FORBIDDEN, audits it, and sends none of that unit's readings", async () => {
    const socket = await openSignedIn(nurseOfA.cookie);
    const received: TObservationsRecorded[] = [];
    socket.on("observation:recorded", (event) => received.push(event));
    expect(await subscribeUnit(socket, unitA.unitId)).toMatchObject({ ok: true });

    const bed = (await socket
      .timeout(5_000)
      .emitWithAck("bed:subscribe", { bedId: unitB.bedId, sinceSeq: 0 })) as TReplayAnswer;
    expect(bed).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await subscribeUnit(socket, unitB.unitId)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const denied = await t.db.auditEvent.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" } });
    expect(denied).toMatchObject([
      {
        actorId: nurseOfA.userId,
        actorName: nurseOfA.username,
        targetType: "bed",
        targetId: unitB.bedId,
        outcome: "denied",
      },
      {
        actorId: nurseOfA.userId,
        actorName: nurseOfA.username,
        targetType: "unit",
        targetId: unitB.unitId,
        outcome: "denied",
      },
    ]);
    expect(denied.map((d) => (d.details as { via: string }).via)).toEqual([
      "socket bed:subscribe",
      "socket unit:subscribe",
    ]);

    // Unit B's reading is committed first; events on one socket arrive in order, so once unit A's has arrived,
    // B's would have too had it been sent.
    await station.server.writer.submit([reading(unitB, "b-1")]);
    await station.server.writer.submit([reading(unitA, "a-1")]);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    expect(received.map((e) => e.unitId)).toEqual([unitA.unitId]);
  });
});

describe("forged socket events", () => {
  it("answers malformed commands with INVALID_PAYLOAD, ignores the unanswerable, and keeps serving", async () => {
    const socket = await openSignedIn(nurseOfA.cookie);
    const forged: [string, unknown][] = [
      ["unit:subscribe", { unitId: 42, sinceSeq: -1 }],
      ["unit:subscribe", { sinceSeq: 0 }],
      ["unit:subscribe", { unitId: unitA.unitId, sinceSeq: "0" }],
      ["unit:subscribe", "unit A please"],
      ["unit:subscribe", null],
      ["unit:subscribe", { unitId: "x".repeat(10_000), sinceSeq: 0 }],
      ["bed:subscribe", { bedId: unitA.bedId, sinceSeq: 1.5 }],
      ["bed:subscribe", { bedId: ["test-bed-1"], sinceSeq: 0 }],
      ["bed:subscribe", []],
    ];
    for (const [event, payload] of forged) {
      const answer = (await socket
        .timeout(5_000)
        .emitWithAck(event as "unit:subscribe", payload as never)) as TReplayAnswer;
      expect(answer, `${event} ${JSON.stringify(payload).slice(0, 40)}`).toMatchObject({
        ok: false,
        error: { code: "INVALID_PAYLOAD" },
      });
    }
    // No acknowledgement to answer through, an event the contract does not have, a leave of the session's own room:
    // ignored, and none of them joins a room.
    const untyped = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit("unit:subscribe", { unitId: unitB.unitId, sinceSeq: 0 });
    untyped.emit("admin:grant", { role: "admin" }, () => {});
    untyped.emit("room:leave", { room: 42 });
    untyped.emit("room:leave", { room: "session:anything" });

    // Still connected, still answering, and still refusing unit B (the ack-less subscribe joined nothing).
    expect(await subscribeUnit(socket, unitA.unitId)).toMatchObject({ ok: true });
    const received: TObservationsRecorded[] = [];
    socket.on("observation:recorded", (event) => received.push(event));
    await station.server.writer.submit([reading(unitB, "b-1")]);
    await station.server.writer.submit([reading(unitA, "a-1")]);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    expect(received.map((e) => e.unitId)).toEqual([unitA.unitId]);
  });

  it("closes only the socket that sends a message over the size limit; the server goes on", async () => {
    const flooder = await openSignedIn(nurseOfA.cookie);
    const closed = new Promise<string>((resolve) => flooder.once("disconnect", resolve));
    flooder.emit("unit:subscribe", { unitId: "x".repeat(2_000_000), sinceSeq: 0 }, () => {});
    expect(await closed).toBe("transport close");
    const other = await openSignedIn(nurseOfA.cookie);
    expect(await subscribeUnit(other, unitA.unitId)).toMatchObject({ ok: true });
  });
});

describe("sessions ending under an open socket", () => {
  it("tells every socket of a user who signs out everywhere, and closes them; other users' stay", async () => {
    const secondToken = await createSession({
      db: t.db,
      userId: nurseOfA.userId,
      role: "nurse",
      config: toAuthConfig(ZAuthEnv.parse({})),
      context: null,
      now: new Date(),
    });
    const tablet = await openSignedIn(nurseOfA.cookie);
    const desktop = await openSignedIn(`${SESSION_COOKIE}=${secondToken}`);
    const colleague = await openSignedIn(
      (await signInTestUser(t.db, { role: "nurse", unitIds: [unitA.unitId] })).cookie,
    );
    const ended = (s: TestSocket) =>
      new Promise<{ event: TSessionEnded; disconnect: string }>((resolve) =>
        s.once("session:ended", (event) => s.once("disconnect", (disconnect) => resolve({ event, disconnect }))),
      );
    const tabletEnded = ended(tablet);
    const desktopEnded = ended(desktop);

    const response = await fetch(`${station.base}/api/auth/sign-out-everywhere`, {
      method: "POST",
      headers: { cookie: nurseOfA.cookie, origin: station.base },
    });
    expect(response.status).toBe(204);
    expect(await tabletEnded).toEqual({ event: { reason: "signed-out" }, disconnect: "io server disconnect" });
    expect(await desktopEnded).toEqual({ event: { reason: "signed-out" }, disconnect: "io server disconnect" });
    expect(colleague.connected).toBe(true);
    expect(await subscribeUnit(colleague, unitA.unitId)).toMatchObject({ ok: true });
    // And the ended session cannot open another.
    expect(await handshake(open({ cookie: nurseOfA.cookie }))).toMatchObject({
      connected: false,
      data: { code: "UNAUTHENTICATED" },
    });
  });
});
