import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStationServer, type StationServer } from "../create-station-server";
import { silentLogger } from "@/lib/log/logger";
import type { Simulator } from "./start-simulator";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { simulatorRoutes } from "./simulator-routes";

let t: TestDb;
let server: StationServer;
let world: TestEpisode;
let admin: TTestSession;
let base: string;
let feeds: Map<string, boolean>;

// Through the whole server, as in production: the gate resolves who is asking before the route checks their role.
beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  admin = await signInTestUser(t.db, { role: "admin", unitIds: [world.unitId] });
  feeds = new Map();
  const simulator = {
    bedIds: () => [world.bedId],
    setBedFeed: (bedId: string, running: boolean) => feeds.set(bedId, running),
  } as unknown as Simulator;
  server = await createStationServer({ db: t.db, log: silentLogger });
  server.mount(simulatorRoutes({ simulator, db: t.db, log: silentLogger }));
  const { port } = await server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}/api/simulator/beds`;
});
afterEach(async () => {
  await server.close();
  await t.cleanup();
});

const post = (bedId: string, body: string, cookie = admin.cookie) =>
  fetch(`${base}/${bedId}/feed`, { method: "POST", body, headers: { cookie } });

describe("simulator feed route", () => {
  it("cuts and restores a simulated bed's feed, and audits who did", async () => {
    const response = await post(world.bedId, JSON.stringify({ running: false }));
    expect(response.status).toBe(200);
    expect(feeds.get(world.bedId)).toBe(false);
    const audited = await t.db.auditEvent.findMany({ where: { action: "simulator.feed-changed" } });
    expect(audited).toMatchObject([{ actorId: admin.userId, targetId: world.bedId, unitId: world.unitId }]);
  });

  it("answers 413 with a reason to an oversized body, and changes nothing", async () => {
    const response = await post(world.bedId, `{"running": false, "pad": "${"x".repeat(5000)}"}`);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
    expect(feeds.size).toBe(0);
  });

  it("answers 400 naming the field when running is not a boolean, 405 to a GET", async () => {
    const bad = await post(world.bedId, JSON.stringify({ running: "no" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^body\.running/);
    expect((await fetch(`${base}/${world.bedId}/feed`, { headers: { cookie: admin.cookie } })).status).toBe(405);
    expect(feeds.size).toBe(0);
  });

  it("refuses a nurse, and an admin of another unit, with 403, changing nothing", async () => {
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
    const elsewhere = await seedTestEpisode(t.db, { suffix: "2" });
    const otherAdmin = await signInTestUser(t.db, { role: "admin", unitIds: [elsewhere.unitId] });
    expect((await post(world.bedId, JSON.stringify({ running: false }), nurse.cookie)).status).toBe(403);
    expect((await post(world.bedId, JSON.stringify({ running: false }), otherAdmin.cookie)).status).toBe(403);
    expect(feeds.size).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "access.denied" } })).toBe(2);
  });

  it("answers 401 without a session, before reading anything", async () => {
    const response = await fetch(`${base}/${world.bedId}/feed`, {
      method: "POST",
      body: JSON.stringify({ running: false }),
    });
    expect(response.status).toBe(401);
    expect(feeds.size).toBe(0);
  });
});
