import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { admission, seedTestUnit, TEST_NURSE, TEST_PHYSICIAN } from "@/test/support/seed-test-unit";
import { admitPatient } from "./admit-patient";
import { changeEpisodeSettings } from "./change-episode-settings";
import { endEpisode } from "./end-episode";
import { startEpisode } from "./start-episode";

const NOW = new Date("2026-12-03T10:00:00Z");
const MIN = 60_000;
let t: TestDb;
let stayId: string;
beforeEach(async () => {
  t = await createTestDb();
  const { bedIds } = await seedTestUnit(t.db);
  ({ stayId } = await admitPatient({
    db: t.db,
    input: { ...admission("u1", bedIds[0] ?? ""), admittedAt: NOW.getTime() - 60 * MIN },
    actor: TEST_NURSE,
    context: null,
    now: NOW,
  }));
});
afterEach(async () => {
  await t.cleanup();
});

const iabp = (startedAt = NOW.getTime() - 30 * MIN) => ({
  stayId,
  deviceType: "IABP" as const,
  startedAt,
  cannulationSite: "femoral",
  cannulationSide: "left" as const,
  cannulas: { balloonMl: 40 },
  distalPerfusion: null,
  consoleModel: "CS300",
  settings: { ratio: "1:1" as const, trigger: "ECG" as const, heparinRate: 500 },
});
const actor = { actor: TEST_PHYSICIAN, context: null, now: NOW };

describe("support episodes inside a stay", () => {
  it("starts, records a settings change with who and when, and ends with a reason", async () => {
    const { episodeId } = await startEpisode({ db: t.db, input: iabp(), ...actor });
    const started = await t.db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } });
    expect(started).toMatchObject({ stayId, deviceType: "IABP", cannulationSide: "left", consoleModel: "CS300" });
    expect(started.cannulas).toEqual({ balloonMl: 40 });
    await changeEpisodeSettings({
      db: t.db,
      input: { episodeId, settings: { ratio: "1:2", trigger: "ECG", heparinRate: 0 }, at: NOW.getTime() - 5 * MIN },
      actor: TEST_NURSE,
      context: null,
      now: NOW,
    });
    const history = await t.db.episodeSettingChange.findMany({ where: { episodeId }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.settings, h.byId])).toEqual([
      [{ ratio: "1:1", trigger: "ECG", heparinRate: 500 }, "doc-1"],
      [{ ratio: "1:2", trigger: "ECG", heparinRate: 0 }, "nurse-1"],
    ]);
    expect((await t.db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } })).settings).toEqual({
      ratio: "1:2",
      trigger: "ECG",
      heparinRate: 0,
    });
    await endEpisode({ db: t.db, input: { episodeId, reason: "weaned" }, ...actor });
    expect(await t.db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      endReason: "weaned",
      endedAt: NOW,
      endedById: "doc-1",
    });
    // The stay goes on: the bed is still the patient's.
    expect((await t.db.stay.findUniqueOrThrow({ where: { id: stayId } })).openBedKey).not.toBeNull();
    await expect(endEpisode({ db: t.db, input: { episodeId, reason: "weaned" }, ...actor })).rejects.toMatchObject({
      message: expect.stringMatching(/already ended/) as unknown,
      reason: { key: "supportAlreadyEnded" },
    });
    await expect(changeEpisodeSettings({ db: t.db, input: { episodeId, settings: {} }, ...actor })).rejects.toThrow(
      /has ended/,
    );
  });

  it("refuses a second running support, a start before the admission, an end before the start", async () => {
    const { episodeId } = await startEpisode({ db: t.db, input: iabp(), ...actor });
    await expect(startEpisode({ db: t.db, input: iabp(), ...actor })).rejects.toThrow(/already running/);
    await expect(
      endEpisode({ db: t.db, input: { episodeId, reason: "other", endedAt: NOW.getTime() - 40 * MIN }, ...actor }),
    ).rejects.toThrow(/before the start/);
    await endEpisode({ db: t.db, input: { episodeId, reason: "escalated" }, ...actor });
    // The admission's time travels as ISO 8601, for the screen to write in its language and the unit's zone.
    const { admittedAt } = await t.db.stay.findFirstOrThrow();
    await expect(startEpisode({ db: t.db, input: iabp(NOW.getTime() - 120 * MIN), ...actor })).rejects.toMatchObject({
      message: expect.stringMatching(/before the admission/) as unknown,
      reason: { key: "supportStartBeforeAdmission", params: { admittedAt: admittedAt.toISOString() } },
    });
    expect(await t.db.supportEpisode.count()).toBe(1);
  });
});
