import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { GET as getDetail } from "../route";
import { GET } from "./route";

let test: TestDb;
let world: TestEpisode;
let headers: { cookie: string };
beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db);
  headers = { cookie: (await signInTestUser(test.db, { role: "nurse", unitIds: [world.unitId] })).cookie };
  provideDb(test.db);
});
afterAll(async () => {
  await test.cleanup();
});

const call = async (bedId: string, query: string) => {
  const response = await GET(new Request(`http://station.test/api/beds/${bedId}/series?${query}`, { headers }), {
    params: Promise.resolve({ bedId }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { code: string; message: string; issues?: unknown[] };
      points?: unknown[];
    },
  };
};

describe("GET /api/beds/:bedId/series", () => {
  it("answers a downsampled series", async () => {
    const { status, body } = await call(world.bedId, "parameter=ecmo_flow&width=300");
    expect(status).toBe(200);
    expect(body.points).toEqual([]);
  });

  it("answers 400 naming every bad field", async () => {
    const { status, body } = await call(world.bedId, "parameter=flow&width=3&from=yesterday");
    expect(status).toBe(400);
    expect(body.error?.code).toBe("INVALID_INPUT");
    expect(body.error?.message).toMatch(
      /^Invalid query\. parameter: .*; from: must be epoch milliseconds.*; width: must be at least 10\.$/,
    );
    expect(body.error?.issues).toHaveLength(3);
  });

  it("answers 404 for a bed that does not exist, here and on the bed itself", async () => {
    expect((await call("no-such-bed", "parameter=hr&width=300")).status).toBe(404);
    const response = await getDetail(new Request("http://station.test/api/beds/no-such-bed", { headers }), {
      params: Promise.resolve({ bedId: "no-such-bed" }),
    });
    expect(response.status).toBe(404);
  });
});
