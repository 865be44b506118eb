import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

const stations: TTestStation[] = [];
const dbs: TestDb[] = [];
afterEach(async () => {
  for (const station of stations.splice(0)) await station.close();
  for (const t of dbs.splice(0)) await t.cleanup();
});

async function testDb() {
  const t = await createTestDb();
  dbs.push(t);
  return t;
}

describe("GET /api/ready", () => {
  it("answers 200 without a session when the database answers and the change feed reads", async () => {
    const { db } = await testDb();
    const station = await startTestStation({ db, alarmTickMs: 0 });
    stations.push(station);
    const res = await fetch(`${station.base}/api/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", changeFeed: "ok" } });
    expect(station.reachedNext).toEqual([]);
  });

  it("answers 503 naming the check that failed, and one that hangs fails after 2 s", async () => {
    const { db } = await testDb();
    const station = await startTestStation({
      db,
      alarmTickMs: 0,
      readinessChecks: {
        migrations: () => "1 pending",
        redis: () => new Promise<string | null>(() => undefined),
      },
    });
    stations.push(station);
    const res = await fetch(`${station.base}/api/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "not-ready",
      checks: { database: "ok", changeFeed: "ok", migrations: "1 pending", redis: "no answer within 2 s" },
    });
  });
});
