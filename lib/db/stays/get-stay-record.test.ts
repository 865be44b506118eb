import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_NURSE, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { admitPatient } from "./admit-patient";
import { changeEpisodeSettings } from "./change-episode-settings";
import { dischargeStay } from "./discharge-stay";
import { endEpisode } from "./end-episode";
import { getStayRecord } from "./get-stay-record";
import { moveStay } from "./move-stay";
import { startEpisode } from "./start-episode";

const HOUR = 3_600_000;
const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
let beds: string[];
beforeEach(async () => {
  t = await createTestDb();
  beds = (await seedTestUnit(t.db)).bedIds;
  for (const [id, displayName, role] of [
    ["nurse-1", "Nurse Synthetic", "nurse"],
    ["doc-1", "Dr Synthetic", "physician"],
  ] as const)
    await t.db.user.create({ data: { id, username: id, displayName, role, createdAt: NOW, updatedAt: NOW } });
});
afterEach(async () => {
  await t.cleanup();
});

describe("getStayRecord", () => {
  it("prints a whole stay: beds in turn, the support with its settings history, the discharge, staff by name", async () => {
    const at = (hoursBefore: number) => NOW.getTime() - hoursBefore * HOUR;
    const ctx = { context: null, now: NOW } as const;
    const { stayId } = await admitPatient({
      db: t.db,
      input: { ...admission("u1", beds[0] as string, "MRN-9"), admittedAt: at(10) },
      actor: TEST_NURSE,
      ...ctx,
    });
    const { episodeId } = await startEpisode({
      db: t.db,
      input: {
        stayId,
        deviceType: "IABP",
        startedAt: at(9),
        cannulationSite: "femoral",
        cannulationSide: "left",
        cannulas: { balloonMl: 40 },
        distalPerfusion: false,
        consoleModel: "CS300",
        settings: { ratio: "1:1", heparinRate: 600 },
      },
      actor: TEST_PHYSICIAN,
      ...ctx,
    });
    await changeEpisodeSettings({
      db: t.db,
      input: { episodeId, settings: { ratio: "1:2", heparinRate: 0 }, at: at(4) },
      actor: TEST_NURSE,
      ...ctx,
    });
    await moveStay({ db: t.db, input: { stayId, toBedId: beds[1] as string }, actor: TEST_NURSE, ...ctx });
    await endEpisode({
      db: t.db,
      input: { episodeId, reason: "weaned", endedAt: at(2) },
      actor: TEST_PHYSICIAN,
      ...ctx,
    });
    await dischargeStay({
      db: t.db,
      input: { stayId, disposition: "ward", dischargedAt: at(1) },
      actor: TEST_NURSE,
      ...ctx,
    });

    const record = await getStayRecord({ db: t.db, stayId });
    expect(record).toMatchObject({
      unitName: "Unit u1",
      patient: { mrn: "MRN-9" },
      admittedAt: at(10),
      admittedBy: "Nurse Synthetic",
      dischargedAt: at(1),
      disposition: "ward",
      beds: [
        { label: "01", from: at(10), by: "Nurse Synthetic" },
        { label: "02", from: NOW.getTime(), to: at(1) },
      ],
      episodes: [
        {
          deviceType: "IABP",
          startedBy: "Dr Synthetic",
          endedAt: at(2),
          endReason: "weaned",
          cannulas: { balloonMl: 40 },
          consoleModel: "CS300",
        },
      ],
    });
    const settings = record?.episodes[0]?.settings ?? [];
    expect(settings.at(-1)).toEqual({ at: at(4), by: "Nurse Synthetic", settings: { ratio: "1:2", heparinRate: 0 } });
    expect(record?.beds[0]?.to).toBe(record?.beds[1]?.from);
  });

  it("answers null for a stay that does not exist", async () => {
    expect(await getStayRecord({ db: t.db, stayId: "no-such-stay" })).toBeNull();
  });
});
