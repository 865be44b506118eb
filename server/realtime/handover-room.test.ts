import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { THandoverChanged, THandoverSubscribeAnswer } from "@/lib/realtime/events";
import { provideDb } from "@/lib/db/get-db";
import { POST as addAction } from "@/app/api/beds/[bedId]/handover/actions/route";
import { GET as getSheet } from "@/app/api/beds/[bedId]/handover/route";
import { callRouteElsewhere } from "@/test/support/call-route-elsewhere";
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
  // The route handlers below reach the station's client as Next's do (lib/db/get-db.ts), and nothing else of it.
  provideDb(t.db);
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

type TBedHandler = (request: Request, context: { params: Promise<{ bedId: string }> }) => Promise<Response>;
/** A route handler called as Next calls it, by a nurse of the bed's unit: no notifier, no server object in reach. */
async function byRoute(
  handler: TBedHandler,
  bed: TestEpisode,
  method: string,
  query = "",
  body?: unknown,
): Promise<Response> {
  const { cookie } = await signInTestUser(t.db, { role: "nurse", unitIds: [bed.unitId] });
  const request = new Request(`http://station.test/api/beds/${bed.bedId}/handover${query}`, {
    method,
    headers: { cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({ bedId: bed.bedId }) });
}
const addActionOn = async (bed: TestEpisode) =>
  expect((await byRoute(addAction, bed, "POST", "/actions", { text: "Check the left foot's pulse" })).status).toBe(201);

const subscribe = (socket: TestSocket, payload: unknown) =>
  socket
    .timeout(5_000)
    .emitWithAck("handover:subscribe", payload as { unitId: string }) as Promise<THandoverSubscribeAnswer>;

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

    // Changes committed by route handlers, with no notifier of the server in their reach: the change feed tells the
    // room, whoever made them. Unit B's draft is saved by a handler in another process (another node, say).
    const sheet = (await (await byRoute(getSheet, unitB, "GET")).json()) as { shift: { key: string } };
    const { cookie } = await signInTestUser(t.db, { role: "nurse", unitIds: [unitB.unitId] });
    const saved = await callRouteElsewhere({
      databaseUrl: t.url,
      file: "api/beds/[bedId]/handover/draft/route.ts",
      method: "PUT",
      url: `http://station.test/api/beds/${unitB.bedId}/handover/draft?shift=${encodeURIComponent(sheet.shift.key)}`,
      cookie,
      body: { illnessSeverity: "stable", situation: "Quiet shift.", contingencies: [], notes: "", version: 0 },
      params: { bedId: unitB.bedId },
    });
    expect(saved.status).toBe(200);
    await addActionOn(unitA);
    await expect.poll(() => heardByA.length).toBe(1);
    await expect.poll(() => heardByB.length).toBe(1);
    expect(heardByA).toEqual([{ unitId: unitA.unitId, bedId: unitA.bedId, shiftKey: null }]);
    expect(heardByB).toEqual([{ unitId: unitB.unitId, bedId: unitB.bedId, shiftKey: sheet.shift.key }]);
  });

  it("refuses another unit, a role without handover.view and a forged payload, saying why; refusals are audited", async () => {
    const nurseOfA = await socketOf("nurse", [unitA.unitId]);
    expect(await subscribe(nurseOfA, { unitId: unitB.unitId })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const wallScreen = await socketOf("display", [unitA.unitId]);
    expect(await subscribe(wallScreen, { unitId: unitA.unitId })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    for (const forged of [{ unitId: 42 }, {}, "unit A", null, { unitId: "x".repeat(200) }]) {
      expect(await subscribe(nurseOfA, forged), JSON.stringify(forged)).toMatchObject({
        ok: false,
        error: { code: "INVALID_PAYLOAD" },
      });
    }
    const denied = await t.db.auditEvent.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" } });
    expect(denied.map((d) => [d.targetId, (d.details as { via: string }).via])).toEqual([
      [unitB.unitId, "socket handover:subscribe"],
      [unitA.unitId, "socket handover:subscribe"],
    ]);

    // None of the refused subscriptions joined the room; an ack-less one is ignored.
    (nurseOfA as unknown as { emit(event: string, payload: unknown): void }).emit("handover:subscribe", {
      unitId: unitB.unitId,
    });
    const heard: THandoverChanged[] = [];
    nurseOfA.on("handover:changed", (change) => heard.push(change));
    wallScreen.on("handover:changed", (change) => heard.push(change));
    expect(await subscribe(nurseOfA, { unitId: unitA.unitId })).toEqual({ ok: true });
    await addActionOn(unitB);
    await addActionOn(unitA);
    await expect.poll(() => heard.length).toBe(1);
    await station.server.settled();
    expect(heard.map((h) => h.unitId)).toEqual([unitA.unitId]);
  });
});
