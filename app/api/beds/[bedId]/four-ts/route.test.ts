import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TStoredFourTs } from "@/lib/scores/four-ts-record";
import { getBedDetail } from "@/lib/db/beds/get-bed-detail";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { POST } from "./route";

const DAY = 86_400_000;
let test: TestDb;
let iabp: TestEpisode;
let physician: TTestSession;
let nurse: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  const startedAt = new Date(Date.now() - 7 * DAY);
  iabp = await seedTestEpisode(test.db, { suffix: "1", deviceType: "IABP", startedAt });
  // Platelets 200 on day 1, 90 on day 6: a 55 % fall with onset on day 6 (4Ts: 2 and 2 from the data).
  for (const [day, value] of [
    [1, 200],
    [6, 90],
  ] as const) {
    const at = new Date(startedAt.getTime() + day * DAY);
    await test.db.observation.create({
      data: {
        episodeId: iabp.episodeId,
        stayId: iabp.stayId,
        bedId: iabp.bedId,
        unitId: iabp.unitId,
        parameter: "platelets",
        value,
        unit: "10*9/L",
        observedAt: at,
        receivedAt: at,
        source: "hl7",
        sourceRef: `plt-${day}`,
      },
    });
  }
  physician = await signInTestUser(test.db, { role: "physician", unitIds: [iabp.unitId] });
  nurse = await signInTestUser(test.db, { role: "nurse", unitIds: [iabp.unitId] });
  provideDb(test.db);
});
afterAll(async () => {
  await test.cleanup();
});

const post = async (bedId: string, body: unknown, who: TTestSession = physician) => {
  const request = new Request(`http://station.test/api/beds/${bedId}/four-ts`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { cookie: who.cookie },
  });
  const response = await POST(request, { params: Promise.resolve({ bedId }) });
  return {
    status: response.status,
    body: (await response.json()) as Partial<TStoredFourTs> & { error?: { code: string; message: string } },
  };
};

describe("POST /api/beds/:bedId/four-ts", () => {
  it("stores the answers with the episode, with the counts they rested on, who and when, and audits it", async () => {
    const { status, body } = await post(iabp.bedId, { thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 1 });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      total: 5,
      probability: "intermediate",
      recordedBy: { id: physician.userId },
      sources: { thrombocytopenia: "data", timing: "data", thrombosis: "clinician", otherCause: "clinician" },
    });
    expect(body.inputs?.platelets).toMatchObject({ peak: { v: 200 }, nadir: { v: 90 } });
    expect(body.inputs?.prefill.thrombocytopenia).toEqual({ score: 2, reason: "fallOver50Nadir20" });

    const detail = await getBedDetail({ db: test.db, bedId: iabp.bedId });
    expect(detail.episode?.fourTs).toHaveLength(1);
    expect(detail.episode?.fourTs[0]).toEqual(body);
    const audited = await test.db.auditEvent.findMany({ where: { action: "score.recorded" } });
    expect(audited).toMatchObject([
      { actorId: physician.userId, unitId: iabp.unitId, targetId: iabp.episodeId, outcome: "success" },
    ]);
    expect(audited[0]?.details).toMatchObject({ score: "4Ts", total: 5 });
  });

  it("keeps every screen, newest first", async () => {
    await post(iabp.bedId, { thrombocytopenia: 2, timing: 1, thrombosis: 2, otherCause: 2 });
    const detail = await getBedDetail({ db: test.db, bedId: iabp.bedId });
    expect(detail.episode?.fourTs.map((s) => s.total)).toEqual([7, 5]);
    expect(detail.episode?.fourTs[0]?.sources.timing).toBe("clinician");
  });

  it("refuses an incomplete screen naming the item, a nurse, and an unknown bed, storing nothing", async () => {
    const before = await test.db.fourTsScreen.count();
    const incomplete = await post(iabp.bedId, { thrombocytopenia: 2, timing: null, thrombosis: 0, otherCause: 0 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error?.message).toMatch(/timing/);
    expect(
      (await post(iabp.bedId, { thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 0 }, nurse)).status,
    ).toBe(403);
    expect((await post("nope", { thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 0 })).status).toBe(404);
    expect(await test.db.fourTsScreen.count()).toBe(before);
  });
});
