import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { THandoverChanged, THandoverSubscribeAnswer } from "@/lib/realtime/events";
import { notifyHandoverChanged } from "@/lib/db/handover/handover-notifier";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

let t: TestDb;
let station: TTestStation;
let unitA: TestEpisode;
let unitB: TestEpisode;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  t = await createTestDb();
  unitA = await seedTestEpisode(t.db, { suffix: "1" });
  unitB = await seedTestEpisode(t.db, { suffix: "2" });
  station = await startTestStation({ db: t.db });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await station.close();
  await t.cleanup();
});

async function socketOf(role: "nurse" | "display" | "admin", unitIds: string[]): Promise<TestSocket> {
  const { cookie } = await signInTestUser(t.db, { role, unitIds });
  const socket = connectTestSocket(station.base, { cookie });
  sockets.push(socket);
  expect(await handshake(socket)).toEqual({ connected: true });
  return socket;
}

const subscribe = (socket: TestSocket, payload: unknown) => socket.timeout(5_000).emitWithAck("handover:subscribe", payload as { unitId: string }) as Promise<THandoverSubscribeAnswer>;

describe("a unit's handover room", () => {
  it("tells the unit's screens which bed's handover changed, and no other unit's", async () => {
    const nurseOfA = await socketOf("nurse", [unitA.unitId]);
    const nurseOfB = await socketOf("nurse", [unitB.unitId]);
    expect(await subscribe(nurseOfA, { unitId: unitA.unitId })).toEqual({ ok: true });
    expect(await subscribe(nurseOfB, { unitId: unitB.unitId })).toEqual({ ok: true });
    const heardByA: THandoverChanged[] = [];
    const heardByB: THandoverChanged[] = [];
    nurseOfA.on("handover:changed", (change) => heardByA.push(change));
    nurseOfB.on("handover:changed", (change) => heardByB.push(change));

    // What a route handler does after its commit (the server set the notifier when it started).
    notifyHandoverChanged({ unitId: unitB.unitId, bedId: unitB.bedId, shiftKey: "2026-12-02/day" });
    notifyHandoverChanged({ unitId: unitA.unitId, bedId: unitA.bedId, shiftKey: null });
    await expect.poll(() => heardByA.length).toBe(1);
    await expect.poll(() => heardByB.length).toBe(1);
    expect(heardByA).toEqual([{ unitId: unitA.unitId, bedId: unitA.bedId, shiftKey: null }]);
    expect(heardByB).toEqual([{ unitId: unitB.unitId, bedId: unitB.bedId, shiftKey: "2026-12-02/day" }]);
  });

  it("refuses another unit, a role without handover.view and a forged payload, saying why; refusals are audited", async () => {
    const nurseOfA = await socketOf("nurse", [unitA.unitId]);
    expect(await subscribe(nurseOfA, { unitId: unitB.unitId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const wallScreen = await socketOf("display", [unitA.unitId]);
    expect(await subscribe(wallScreen, { unitId: unitA.unitId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    for (const forged of [{ unitId: 42 }, {}, "unit A", null, { unitId: "x".repeat(200) }]) {
      expect(await subscribe(nurseOfA, forged), JSON.stringify(forged)).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    }
    const denied = await t.db.auditEvent.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" } });
    expect(denied.map((d) => [d.targetId, (d.details as { via: string }).via])).toEqual([
      [unitB.unitId, "socket handover:subscribe"],
      [unitA.unitId, "socket handover:subscribe"],
    ]);

    // None of the refused subscriptions joined the room; an ack-less one is ignored.
    (nurseOfA as unknown as { emit(event: string, payload: unknown): void }).emit("handover:subscribe", { unitId: unitB.unitId });
    const heard: THandoverChanged[] = [];
    nurseOfA.on("handover:changed", (change) => heard.push(change));
    wallScreen.on("handover:changed", (change) => heard.push(change));
    expect(await subscribe(nurseOfA, { unitId: unitA.unitId })).toEqual({ ok: true });
    notifyHandoverChanged({ unitId: unitB.unitId, bedId: unitB.bedId, shiftKey: null });
    notifyHandoverChanged({ unitId: unitA.unitId, bedId: unitA.bedId, shiftKey: null });
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]?.unitId).toBe(unitA.unitId);
  });
});
