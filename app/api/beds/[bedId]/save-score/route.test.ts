import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDb } from "@/lib/db/get-db";
import { getBedDetail } from "@/lib/db/beds/get-bed-detail";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { POST } from "./route";

let test: TestDb;
let ecmo: TestEpisode;
let iabp: TestEpisode;
let physician: TTestSession;
beforeAll(async () => {
  test = await createTestDb();
  ecmo = await seedTestEpisode(test.db, { suffix: "1", deviceType: "VA_ECMO" });
  iabp = await seedTestEpisode(test.db, { suffix: "2", deviceType: "IABP" });
  physician = await signInTestUser(test.db, { role: "physician", unitIds: [ecmo.unitId, iabp.unitId] });
  provideDb(test.db);
});
afterAll(async () => {
  await test.cleanup();
});

const inputs = {
  ageYears: 30,
  weightKg: 70,
  diagnoses: ["myocarditis"],
  liverFailure: false,
  cnsDysfunction: false,
  acuteRenalFailure: false,
  chronicRenalFailure: false,
  intubationHours: 5,
  peakInspiratoryPressure: 18,
  cardiacArrest: false,
  diastolicBp: 45,
  pulsePressure: 25,
  bicarbonate: 20,
};

const post = async (bedId: string, body: unknown) => {
  const request = new Request(`http://station.test/api/beds/${bedId}/save-score`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { cookie: physician.cookie },
  });
  const response = await POST(request, {
    params: Promise.resolve({ bedId }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      score?: { total: number; riskClass: string };
      error?: { code: string; message: string; reason?: { key: string } };
    },
  };
};

describe("POST /api/beds/:bedId/save-score", () => {
  it("stores the inputs with the episode, answers the computed score, and audits who recorded it", async () => {
    const { status, body } = await post(ecmo.bedId, inputs);
    expect(status).toBe(201);
    expect(body.score).toMatchObject({ total: 12, riskClass: "I" });
    const detail = await getBedDetail({ db: test.db, bedId: ecmo.bedId });
    expect(detail.episode?.saveScore).toMatchObject({ ...inputs, recordedAt: expect.any(Number) as number });
    const audited = await test.db.auditEvent.findMany({ where: { action: "score.recorded" } });
    expect(audited).toMatchObject([
      {
        actorId: physician.userId,
        actorName: physician.username,
        unitId: ecmo.unitId,
        targetId: ecmo.episodeId,
        outcome: "success",
      },
    ]);
  });

  it("refuses invalid inputs with the field named", async () => {
    const { status, body } = await post(ecmo.bedId, { ...inputs, ageYears: 12, diagnoses: ["flu"] });
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/ageYears: the SAVE score is for adults.*diagnoses/);
  });

  it("refuses a bed on an IABP alone, and an unknown bed", async () => {
    const onIabp = await post(iabp.bedId, inputs);
    expect(onIabp.status).toBe(409);
    // The body names the catalogue's reason, which a French screen words in French.
    expect(onIabp.body.error?.reason).toEqual({ key: "saveScoreVaOnly" });
    const unknown = await post("nope", inputs);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.reason).toEqual({ key: "bedNotFound" });
  });
});
