import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import { ZScenarioName } from "@/lib/simulator/scenarios";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { listSimulatedEpisodes } from "../episodes/list-simulated-episodes";
import { DEMO_UNIT_ID, seedDemoUnit } from "./seed-demo-unit";

const NOW = new Date("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const counts = async () => ({
  units: await t.db.unit.count(),
  beds: await t.db.bed.count(),
  patients: await t.db.patient.count(),
  episodes: await t.db.supportEpisode.count(),
});

describe("seedDemoUnit", () => {
  it("stores the admission diagnoses in the demo's language, English unless told (DEMO_LANGUAGE, issue 17)", async () => {
    await seedDemoUnit({ db: t.db, now: NOW, language: "fr" });
    const diagnoses = (await t.db.supportEpisode.findMany()).map((e) => e.diagnosis);
    expect(diagnoses).toContain("Myocardite fulminante");
    expect(diagnoses.join(" ")).not.toMatch(/shock|myocarditis/i);
  });

  it("stores English diagnoses by default", async () => {
    await seedDemoUnit({ db: t.db, now: NOW });
    const diagnoses = (await t.db.supportEpisode.findMany()).map((e) => e.diagnosis);
    expect(diagnoses).toContain("Fulminant myocarditis");
  });

  it("creates one unit of 8 beds: 4 VA-ECMO (one with an IABP), 3 IABP, each on its own scenario, and bed 07 free", async () => {
    expect(await seedDemoUnit({ db: t.db, now: NOW })).toEqual({ created: true, unitId: DEMO_UNIT_ID });
    const unit = await t.db.unit.findUniqueOrThrow({
      where: { id: DEMO_UNIT_ID },
      include: { beds: { orderBy: { position: "asc" } } },
    });
    expect(unit.timeZone).toBe("Europe/Paris");
    expect(unit.beds.map((b) => [b.id, b.label])).toEqual(
      Array.from({ length: 8 }, (_, i) => [`demo-bed-${i + 1}`, `0${i + 1}`]),
    );
    const episodes = await t.db.supportEpisode.findMany({ include: { patient: true } });
    const types = episodes.map((e) => e.deviceType);
    expect(types.filter((d) => d !== "IABP")).toHaveLength(4);
    expect(types.filter((d) => d === "VA_ECMO_IABP")).toHaveLength(1);
    expect(types.filter((d) => d === "IABP")).toHaveLength(3);
    expect(new Set(episodes.map((e) => ZScenarioName.parse(e.scenario))).size).toBe(7);
    // Admitted through the stay operations: one open stay per occupied bed, admitted before its support started.
    const stays = await t.db.stay.findMany({ where: { dischargedAt: null }, include: { episodes: true } });
    expect(stays.map((s) => s.bedId).sort()).toEqual(episodes.map((e) => e.bedId).sort());
    expect(stays.map((s) => s.bedId)).not.toContain("demo-bed-7");
    for (const s of stays) expect(s.admittedAt.getTime()).toBeLessThan(s.episodes[0]?.startedAt.getTime() ?? 0);
    expect(await t.db.auditEvent.count({ where: { action: "stay.admitted" } })).toBe(7);

    for (const e of episodes) {
      const ageYears = (NOW.getTime() - e.patient.birthDate.getTime()) / (365.25 * DAY);
      expect(ageYears).toBeGreaterThanOrEqual(30);
      expect(ageYears).toBeLessThan(79);
      expect(e.patient.identifier).toMatch(/^DEMO-\d{4}$/);
      const daysAgo = (NOW.getTime() - e.startedAt.getTime()) / DAY;
      expect(daysAgo).toBeGreaterThanOrEqual(1);
      expect(daysAgo).toBeLessThanOrEqual(6);
      expect(e.cannulationSite).toMatch(/^femoral (left|right)$/);
      const parsed = parseEpisodeSettings(e.settings);
      expect(parsed).toMatchObject({ ok: true });
      const { settings } = parsed;
      if (e.deviceType !== "IABP") expect(settings.rpm).toBeGreaterThan(0);
      if (e.deviceType !== "VA_ECMO") expect(settings).toMatchObject({ ratio: "1:1", trigger: "ECG" });
    }
  });

  it("does nothing when the demo unit already exists", async () => {
    await seedDemoUnit({ db: t.db, now: NOW });
    const before = await counts();
    const episode = await t.db.supportEpisode.findUniqueOrThrow({ where: { id: "demo-episode-1" } });
    expect(await seedDemoUnit({ db: t.db, now: new Date(NOW.getTime() + DAY), seed: 99 })).toEqual({
      created: false,
      unitId: DEMO_UNIT_ID,
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.supportEpisode.findUniqueOrThrow({ where: { id: "demo-episode-1" } })).toEqual(episode);
  });

  it("gives every episode to the simulator, and larger units repeat the scenarios", async () => {
    await seedDemoUnit({ db: t.db, now: NOW, beds: 16 });
    const { episodes, skipped } = await listSimulatedEpisodes({ db: t.db });
    expect(skipped).toEqual([]);
    // 16 beds: one free (the default order's bed 07), the scenarios repeated on the others.
    expect(episodes).toHaveLength(15);
    expect(episodes.every((e) => !e.hasObservations && e.episode.timeZone === "Europe/Paris")).toBe(true);
    expect(new Set(episodes.map((e) => e.episode.scenario)).size).toBe(9);
  });
});
