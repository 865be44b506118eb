import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { getBedDetail } from "./get-bed-detail";

const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);
const H = 3_600_000;
const NOW = new Date(T0 + 30 * H);

let test: TestDb | undefined;
afterEach(async () => {
  await test?.cleanup();
  test = undefined;
});

async function world(deviceType: "VA_ECMO" | "IABP" | "VA_ECMO_IABP") {
  test = await createTestDb();
  const w = await seedTestEpisode(test.db, { deviceType, startedAt: new Date(T0) });
  let n = 0;
  const add = (parameter: string, hours: number, value: number) =>
    test?.db.observation.create({
      data: {
        episodeId: w.episodeId,
        stayId: w.stayId,
        bedId: w.bedId,
        unitId: w.unitId,
        parameter,
        value,
        unit: "x",
        observedAt: new Date(T0 + hours * H),
        receivedAt: new Date(T0 + hours * H),
        source: "device",
        sourceRef: `r${(n += 1)}`,
      },
    });
  return { db: test.db, w, add };
}

describe("getBedDetail", () => {
  it("tells since when the balloon is stopped and the ratio held, with every lab sample", async () => {
    const { db, w, add } = await world("IABP");
    for (const [h, v] of [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 0],
    ] as const)
      await add("iabp_pumping", h, v);
    for (const [h, v] of [
      [1, 1],
      [2, 2],
      [2.5, 2],
    ] as const)
      await add("iabp_ratio", h, v);
    await add("lactate", 0.5, 3.2);
    await add("lactate", 6, 2.1);
    await add("platelets", 1, 210);
    const detail = await getBedDetail({ db, bedId: w.bedId, now: NOW });
    expect(detail.runs).toEqual({ pumping: { value: 0, since: T0 + 3 * H }, ratio: { value: 2, since: T0 + 2 * H } });
    expect(detail.labs.lactate?.map((s) => s.value)).toEqual([3.2, 2.1]);
    expect(detail.labs.platelets).toHaveLength(1);
    expect(detail.labs.ldh).toBeUndefined();
    expect(detail.latest.lactate).toMatchObject({ value: 2.1, reference: { value: 3.2 } });
    expect(detail.patient).toEqual({ initials: "SP", ageYears: 54, sex: "F", weightKg: 70 });
    expect(detail.episode).toMatchObject({ deviceType: "IABP", startedAt: T0, ageAtStartYears: 54, settings: {} });
    expect(detail.dpFlowBaseline).toBeNull();
    expect(detail.lastSeq).toBe(10);
  });

  it("gives the run of a setting that never changed from its first reading", async () => {
    const { db, w, add } = await world("IABP");
    await add("iabp_pumping", 1, 1);
    await add("iabp_pumping", 2, 1);
    expect((await getBedDetail({ db, bedId: w.bedId, now: NOW })).runs.pumping).toEqual({ value: 1, since: T0 + H });
  });

  it("averages ΔP and flow over the first 24 h of readings for the ΔP/flow baseline", async () => {
    const { db, w, add } = await world("VA_ECMO");
    for (const [h, dp, flow] of [
      [2, 20, 4],
      [14, 22, 4],
      [25, 24, 4],
      [29, 40, 3],
    ] as const) {
      await add("ecmo_dp", h, dp);
      await add("ecmo_flow", h, flow);
    }
    const detail = await getBedDetail({ db, bedId: w.bedId, now: NOW });
    expect(detail.dpFlowBaseline).toEqual({ dp: 22, flow: 4, from: T0 + 2 * H, to: T0 + 26 * H, complete: true });
    expect(detail.runs).toEqual({ pumping: null, ratio: null });
    expect(Object.keys(detail.labs).sort()).toEqual([
      "anti_xa",
      "fibrinogen",
      "free_hb",
      "hemoglobin",
      "lactate",
      "ldh",
      "platelets",
    ]);
  });

  it("shows an empty bed as empty and refuses an unknown one", async () => {
    const { db, w } = await world("VA_ECMO");
    await db.supportEpisode.update({ where: { id: w.episodeId }, data: { endedAt: new Date(T0 + H) } });
    await db.stay.update({
      where: { id: w.stayId },
      data: { dischargedAt: new Date(T0 + 2 * H), openBedKey: null, openPatientKey: null },
    });
    const detail = await getBedDetail({ db, bedId: w.bedId, now: NOW });
    expect(detail).toMatchObject({
      patient: null,
      episode: null,
      latest: {},
      bed: { id: w.bedId, unitName: "Test unit 1" },
    });
    expect(detail.stay ?? null).toBeNull();
    await expect(getBedDetail({ db, bedId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a stay with no support running: the patient, the admission, the stay's values and labs (issue 15)", async () => {
    const { db, w } = await world("IABP");
    // The balloon came out at T0 + 4 h; the limb checks and a lactate after it have no episode.
    await db.supportEpisode.update({ where: { id: w.episodeId }, data: { endedAt: new Date(T0 + 4 * H) } });
    const stayOnly = (parameter: string, hours: number, value: number, episodeId: string | null = null) =>
      db.observation.create({
        data: {
          episodeId,
          stayId: w.stayId,
          bedId: w.bedId,
          unitId: w.unitId,
          parameter,
          value,
          unit: "x",
          observedAt: new Date(T0 + hours * H),
          receivedAt: new Date(T0 + hours * H),
          source: "hl7",
          sourceRef: `${parameter}@${hours}`,
        },
      });
    await stayOnly("lactate", 1, 3.4, w.episodeId);
    await stayOnly("helium_level", 2, 80, w.episodeId);
    await stayOnly("lactate", 6, 1.6);
    await stayOnly("nirs_left", 5, 64);
    await stayOnly("nirs_right", 5, 61);
    const detail = await getBedDetail({ db, bedId: w.bedId, now: NOW });
    expect(detail.episode).toBeNull();
    expect(detail.patient).toEqual({ initials: "SP", ageYears: 54, sex: "F", weightKg: 70 });
    expect(detail.stay).toEqual({
      id: w.stayId,
      admittedAt: T0,
      lastSupport: { deviceType: "IABP", startedAt: T0, endedAt: T0 + 4 * H },
    });
    // The newest lactate with the one before it (charted while the balloon ran), and the legs' NIRS.
    expect(detail.latest.lactate).toMatchObject({ value: 1.6, observedAt: T0 + 6 * H, reference: { value: 3.4 } });
    expect(detail.latest.nirs_left).toMatchObject({ value: 64, observedAt: T0 + 5 * H });
    // A device's own value means nothing once it is gone.
    expect(detail.latest.helium_level).toBeUndefined();
    expect(detail.labs.lactate?.map((s) => s.value)).toEqual([3.4, 1.6]);
    expect(detail.runs).toEqual({ pumping: null, ratio: null });
    expect(detail.dpFlowBaseline).toBeNull();
  });

  it("shows an admitted patient before any support, with a pre-cannulation lactate", async () => {
    const { db, w } = await world("VA_ECMO");
    await db.observation.deleteMany({ where: { episodeId: w.episodeId } });
    await db.supportEpisode.delete({ where: { id: w.episodeId } });
    await db.observation.create({
      data: {
        stayId: w.stayId,
        bedId: w.bedId,
        unitId: w.unitId,
        parameter: "lactate",
        value: 4.2,
        unit: "mmol/L",
        observedAt: new Date(T0 + H),
        receivedAt: new Date(T0 + H),
        source: "hl7",
        sourceRef: "lab-1",
      },
    });
    const detail = await getBedDetail({ db, bedId: w.bedId, now: NOW });
    expect(detail.stay).toEqual({ id: w.stayId, admittedAt: T0, lastSupport: null });
    expect(detail.latest.lactate).toMatchObject({ value: 4.2, observedAt: T0 + H, reference: null });
    expect(detail.labs.lactate).toEqual([{ seq: expect.any(Number) as number, value: 4.2, observedAt: T0 + H }]);
  });
});
