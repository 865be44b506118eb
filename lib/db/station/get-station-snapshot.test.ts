import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_NURSE, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { admitPatient } from "../stays/admit-patient";
import { dischargeStay } from "../stays/discharge-stay";
import { startEpisode } from "../stays/start-episode";
import { getStationSnapshot } from "./get-station-snapshot";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("getStationSnapshot and the stays", () => {
  it("shows a bed empty, then its admitted patient, then on support, then empty again after discharge", async () => {
    const { bedIds } = await seedTestUnit(t.db, { beds: 1 });
    const bedId = bedIds[0] ?? "";
    const bedOf = async () => (await getStationSnapshot({ db: t.db, unitId: "u1", now: NOW })).beds[0];
    expect(await bedOf()).toMatchObject({ bedId, patient: null, episode: null });

    const input = { ...admission("u1", bedId), admittedAt: NOW.getTime() - 60_000 };
    const { stayId } = await admitPatient({ db: t.db, input, actor: TEST_NURSE, context: null, now: NOW });
    expect(await bedOf()).toMatchObject({
      stay: { id: stayId, admittedAt: NOW.getTime() - 60_000 },
      patient: { initials: "SP", sex: "F" },
      episode: null,
    });
    // A lactate before cannulation: the stay's, with no episode, on the tile of the admitted patient.
    const sampled = new Date(NOW.getTime() - 30_000);
    await t.db.observation.create({
      data: {
        stayId,
        bedId,
        unitId: "u1",
        parameter: "lactate",
        value: 4.1,
        unit: "mmol/L",
        observedAt: sampled,
        receivedAt: sampled,
        source: "hl7",
        sourceRef: "lab/pre",
      },
    });
    expect((await bedOf())?.latest.lactate).toMatchObject({ value: 4.1, observedAt: sampled.getTime() });

    const { episodeId } = await startEpisode({
      db: t.db,
      input: {
        stayId,
        deviceType: "IABP",
        cannulationSite: null,
        cannulationSide: null,
        cannulas: null,
        distalPerfusion: null,
        consoleModel: null,
        settings: { ratio: "1:1" },
      },
      actor: TEST_PHYSICIAN,
      context: null,
      now: NOW,
    });
    expect(await bedOf()).toMatchObject({
      patient: { initials: "SP" },
      episode: { id: episodeId, deviceType: "IABP" },
      // Support started: the stay's lactate is still the bed's.
      latest: { lactate: { value: 4.1 } },
    });

    await dischargeStay({
      db: t.db,
      input: { stayId, disposition: "death" },
      actor: TEST_PHYSICIAN,
      context: null,
      now: NOW,
    });
    expect(await bedOf()).toMatchObject({ stay: null, patient: null, episode: null, latest: {} });
  });
});
