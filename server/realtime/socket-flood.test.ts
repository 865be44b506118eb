import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SOCKET_LIMITS, type ClientToServerEvents, type TReplayAnswer } from "@/lib/realtime/events";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

/**
 * One socket flooding one command must not take the station down: another screen keeps hearing its heartbeat (a gap
 * of 3.5 s shows NOT LIVE), the flooder is told why and disconnected, and the audit trail gets counts, not a row per
 * refused event. Every event of the client-to-server contract is flooded in turn.
 */
let t: TestDb;
let station: TTestStation;
let ward: TestEpisode;
let other: TestEpisode;
let nurse: TTestSession;
let display: TTestSession;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestDb();
  ward = await seedTestEpisode(t.db, { suffix: "1" });
  other = await seedTestEpisode(t.db, { suffix: "2" });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [ward.unitId] });
  display = await signInTestUser(t.db, { role: "display", unitIds: [ward.unitId] });
  station = await startTestStation({ db: t.db });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

async function open(cookie: string): Promise<TestSocket> {
  const socket = connectTestSocket(station.base, { cookie, reconnection: false });
  sockets.push(socket);
  expect(await handshake(socket)).toEqual({ connected: true });
  return socket;
}

type Flood = { event: keyof ClientToServerEvents; payload: () => unknown; who: "nurse" | "display" };
const floods: Flood[] = [
  { event: "alarm:subscribe", payload: () => ({ unitId: ward.unitId, sinceSeq: 0 }), who: "nurse" },
  { event: "unit:subscribe", payload: () => ({ unitId: ward.unitId, sinceSeq: 0 }), who: "nurse" },
  { event: "bed:subscribe", payload: () => ({ bedId: ward.bedId, sinceSeq: 0 }), who: "nurse" },
  { event: "handover:subscribe", payload: () => ({ unitId: ward.unitId }), who: "nurse" },
  // Refused commands: another unit's room, and acknowledgements from a wall display (read-only).
  { event: "unit:subscribe", payload: () => ({ unitId: other.unitId, sinceSeq: 0 }), who: "nurse" },
  { event: "alarm:acknowledge", payload: () => ({ alarmId: "no-such-alarm", reason: "other" }), who: "display" },
  { event: "alarm:pause-audio", payload: () => ({ unitId: ward.unitId }), who: "display" },
  { event: "room:leave", payload: () => ({ room: `unit:${ward.unitId}` }), who: "nurse" },
];

describe("a flooding socket", () => {
  it.each(floods)(
    "$event ($who) flooded: the other screen stays live, the flooder is cut, refusals are counted",
    async (flood) => {
      const observer = await open(display.cookie);
      const beats: number[] = [];
      observer.on("server:heartbeat", () => beats.push(Date.now()));
      const flooder = await open(flood.who === "nurse" ? nurse.cookie : display.cookie);
      const refused: unknown[] = [];
      flooder.on("connection:refused", (payload) => refused.push(payload));
      const auditBefore = await t.db.auditEvent.count();

      // 400 events a second for 2.5 s, as the finding's client did (with acknowledgements, so each would run).
      const started = Date.now();
      while (Date.now() - started < 2_500) {
        if (flooder.connected)
          for (let i = 0; i < 40; i++)
            (flooder.emit as (e: string, ...a: unknown[]) => void)(flood.event, flood.payload(), () => {});
        await new Promise((r) => setTimeout(r, 100));
      }
      const stopped = Date.now();
      const gaps = beats.filter((b) => b >= started).map((b, i, all) => (i === 0 ? b - started : b - all[i - 1]!));
      expect(beats.filter((b) => b >= started).length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...gaps, stopped - (beats.at(-1) ?? started))).toBeLessThan(3_500);
      expect(observer.connected).toBe(true);

      // ~1,000 events sent: everything beyond the per-socket limit refused, the socket cut once past the abuse bound.
      expect(flooder.connected).toBe(false);
      expect(refused).toEqual([{ reason: "too-many-requests" }]);

      await station.server.realtime.guard.flush();
      const rows = await t.db.auditEvent.findMany({
        where: { id: { gt: 0 } },
        orderBy: { id: "asc" },
        skip: auditBefore,
      });
      // Counts, not rows: at most the access check's rows for what passed the limit, plus the count rows.
      expect(rows.length).toBeLessThanOrEqual(SOCKET_LIMITS.perSocketEvents + 5);
      const counts = rows.filter((r) => r.action === "socket.refused");
      expect(counts.length).toBeGreaterThanOrEqual(1);
      const total = counts.reduce((n, r) => n + Number((r.details as { count: number }).count), 0);
      expect(total).toBeGreaterThan(SOCKET_LIMITS.abuseRefusals);
    },
  );

  it("answers a second replay of the same room BUSY while the first runs, and the first completes", async () => {
    const socket = await open(nurse.cookie);
    const subscribe = () =>
      socket
        .timeout(5_000)
        .emitWithAck("unit:subscribe", { unitId: ward.unitId, sinceSeq: 0 }) as Promise<TReplayAnswer>;
    const [first, second] = await Promise.all([subscribe(), subscribe()]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: "BUSY" } });
  });

  it("refuses a repeated forbidden command without auditing each repeat", async () => {
    const socket = await open(nurse.cookie);
    const before = await t.db.auditEvent.count({ where: { action: "access.denied" } });
    for (let i = 0; i < 10; i++) {
      const answer = (await socket
        .timeout(5_000)
        .emitWithAck("unit:subscribe", { unitId: other.unitId, sinceSeq: 0 })) as TReplayAnswer;
      expect(answer).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await t.db.auditEvent.count({ where: { action: "access.denied" } })).toBe(before + 1);
    await station.server.realtime.guard.flush();
    const counted = await t.db.auditEvent.findFirst({ where: { action: "socket.refused" } });
    expect(counted?.details).toMatchObject({ reason: "forbidden", count: 9 });
  });
});
