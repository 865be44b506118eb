import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET as getBed } from "./beds/[bedId]/route";
import { GET as getSeries } from "./beds/[bedId]/series/route";
import { GET as getTrends } from "./beds/[bedId]/trends/route";
import { GET as getStation } from "./units/[unitId]/station/route";

// A nurse of unit A sees unit A's patients, and nothing of unit B's: not the bed, its series or trends, nor B's
// station. Each refusal is audited with who asked for what.
let t: TestDb;
let unitA: TestEpisode;
let unitB: TestEpisode;
let nurseOfA: TTestSession;
beforeAll(async () => {
  t = await createTestDb();
  unitA = await seedTestEpisode(t.db, { suffix: "1" });
  unitB = await seedTestEpisode(t.db, { suffix: "2" });
  await t.db.observation.create({
    data: {
      episodeId: unitB.episodeId,
      stayId: unitB.stayId,
      bedId: unitB.bedId,
      unitId: unitB.unitId,
      parameter: "ecmo_flow",
      value: 4.2,
      unit: "L/min",
      observedAt: new Date(),
      receivedAt: new Date(),
      source: "device",
      sourceRef: "b-1",
    },
  });
  nurseOfA = await signInTestUser(t.db, { role: "nurse", unitIds: [unitA.unitId] });
  provideDb(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

const now = Date.now();
const requests = (bedId: string, unitId: string) =>
  [
    ["GET /api/beds/:bedId", () => getBed(request(`/api/beds/${bedId}`), { params: Promise.resolve({ bedId }) })],
    [
      "GET series",
      () =>
        getSeries(request(`/api/beds/${bedId}/series?parameter=ecmo_flow&width=300&from=${now - 3_600_000}`), {
          params: Promise.resolve({ bedId }),
        }),
    ],
    [
      "GET trends",
      () =>
        getTrends(request(`/api/beds/${bedId}/trends?parameters=ecmo_flow,map&width=300&from=${now - 3_600_000}`), {
          params: Promise.resolve({ bedId }),
        }),
    ],
    ["GET station", () => getStation(request(`/api/units/${unitId}/station`), { params: Promise.resolve({ unitId }) })],
  ] as const;
const request = (path: string) =>
  new Request(`http://station.test${path}`, {
    headers: { cookie: nurseOfA.cookie, "x-station-client-ip": "10.1.2.3" },
  });

describe("unit membership over HTTP", () => {
  it("answers the nurse's own unit", async () => {
    for (const [name, call] of requests(unitA.bedId, unitA.unitId)) expect((await call()).status, name).toBe(200);
  });

  it("refuses every route of another unit's bed or station with 403 and no data, auditing each refusal", async () => {
    const deniedBefore = await t.db.auditEvent.count({ where: { action: "access.denied" } });
    for (const [name, call] of requests(unitB.bedId, unitB.unitId)) {
      const response = await call();
      expect(response.status, name).toBe(403);
      const text = await response.text();
      expect(Object.keys(JSON.parse(text) as object), name).toEqual(["error"]);
      expect(JSON.parse(text), name).toMatchObject({ error: { code: "FORBIDDEN" } });
      // Neither the patient nor the reading of unit B leaks into the refusal.
      expect(text, name).not.toMatch(/Patient2|TEST-2|4\.2/);
    }
    const denied = await t.db.auditEvent.findMany({
      where: { action: "access.denied" },
      orderBy: { id: "asc" },
      skip: deniedBefore,
    });
    expect(denied).toHaveLength(4);
    for (const row of denied) {
      expect(row).toMatchObject({
        actorId: nurseOfA.userId,
        actorName: nurseOfA.username,
        actorRole: "nurse",
        outcome: "denied",
        ipAddress: "10.1.2.3",
      });
      expect(row.details).toMatchObject({ reason: "unit" });
    }
    expect(denied.map((r) => [r.targetType, r.targetId])).toEqual([
      ["bed", unitB.bedId],
      ["bed", unitB.bedId],
      ["bed", unitB.bedId],
      ["unit", unitB.unitId],
    ]);
  });
});
