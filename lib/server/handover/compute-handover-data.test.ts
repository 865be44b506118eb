import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TReadingInput } from "@/lib/observations/reading";
import { DEFAULT_SHIFT_PATTERN, shiftByKey, type TShift } from "@/lib/shifts";
import { createEpisodeSimulation } from "@/server/simulator/create-episode-simulation";
import { RATIO_1_2_AT } from "@/server/simulator/scenarios/iabp-weaning";
import { runTicks, TEST_START, testEpisode } from "@/server/simulator/testing/simulate-episode";
import { createTestDb, type TestDb } from "@/server/testing/create-test-db";
import { computeHandoverData } from "./compute-handover-data";

/**
 * A recorded shift of simulator data: two days of the IABP weaning scenario (ratio 1:1 → 1:2 at 40 h, the night of
 * 17–18 November 2026 in Paris) and of the rising-lactate VA-ECMO + IABP scenario, stored as the station stores
 * readings. Every expected figure is computed here from the raw readings, independently of lib/handover.
 */
const context = { pattern: DEFAULT_SHIFT_PATTERN, timeZone: "Europe/Paris" };
const NIGHT = shiftByKey("2026-11-17/night", context) as TShift;
const HOUR = 3_600_000;

let t: TestDb;
const recorded = new Map<string, TReadingInput[]>();

async function record(scenario: "iabp_weaning" | "rising_lactate", suffix: string) {
  const episodeId = `ep-${scenario}`;
  const bedId = `bed-${suffix}`;
  await t.db.bed.create({ data: { id: bedId, unitId: "u1", label: suffix, position: Number(suffix) } });
  await t.db.patient.create({
    data: { id: `p-${suffix}`, identifier: `SIM-${suffix}`, givenName: "Synthetic", familyName: `Patient${suffix}`, birthDate: new Date("1960-02-01"), sex: "M", weightKg: 80 },
  });
  const simulation = createEpisodeSimulation({ seed: 11, episode: testEpisode(scenario, { id: episodeId, bedId, settings: { ratio: "1:1", rpm: 3400, sweep: 3.5, fdo2: 60 } }) });
  await t.db.supportEpisode.create({
    data: { id: episodeId, patientId: `p-${suffix}`, bedId, deviceType: simulation.episode.deviceType, startedAt: TEST_START, cannulationSite: "femoral right", diagnosis: "Synthetic", settings: "{}" },
  });
  const readings = runTicks({ simulation, from: TEST_START, ticks: (48 * 60) / 5, tickMs: 5 * 60_000 });
  for (let i = 0; i < readings.length; i += 2000) {
    await t.db.observation.createMany({
      data: readings.slice(i, i + 2000).map((r) => ({
        episodeId,
        bedId,
        unitId: "u1",
        parameter: r.parameter,
        value: r.value,
        unit: getParameter(r.parameter as TParameterCode).unit,
        observedAt: r.observedAt,
        receivedAt: r.observedAt,
        source: r.source,
        sourceRef: r.sourceRef,
      })),
    });
  }
  recorded.set(episodeId, readings);
  return episodeId;
}

const inShift = (r: TReadingInput) => r.observedAt.getTime() >= NIGHT.startsAt && r.observedAt.getTime() < NIGHT.endsAt;
const of = (episodeId: string, code: string) => (recorded.get(episodeId) ?? []).filter((r) => r.parameter === code);

beforeAll(async () => {
  t = await createTestDb();
  await t.db.unit.create({ data: { id: "u1", name: "Unit", timeZone: "Europe/Paris" } });
  await record("iabp_weaning", "1");
  await record("rising_lactate", "2");
}, 60_000);
afterAll(() => t.cleanup());

describe("a handover sheet generated from a recorded shift of simulator data", () => {
  it("reports each lab's value at the start and the end of the shift and their delta, as the readings say", async () => {
    for (const episodeId of ["ep-iabp_weaning", "ep-rising_lactate"]) {
      const data = await computeHandoverData({ db: t.db, episodeId, startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
      expect(data.labs.length).toBeGreaterThan(0);
      for (const lab of data.labs) {
        const samples = of(episodeId, lab.code);
        const start = samples.filter((r) => r.observedAt.getTime() < NIGHT.startsAt).at(-1);
        const during = samples.filter(inShift);
        const end = during.at(-1) ?? start;
        expect(lab.start?.value).toBe(start?.value);
        expect(lab.start?.observedAt).toBe(start?.observedAt.getTime());
        expect(lab.end?.value).toBe(end?.value);
        expect(lab.samplesInShift).toBe(during.length);
        const decimals = getParameter(lab.code as TParameterCode).decimals;
        const expectedDelta = start && during.length > 0 && end ? Number((end.value - start.value).toFixed(decimals)) : null;
        expect(lab.delta === null ? null : lab.delta + 0).toBe(expectedDelta === null ? null : expectedDelta + 0);
      }
    }
  });

  it("finds lactate's shift: at least one sample and the out-of-target mark of its end value", async () => {
    const data = await computeHandoverData({ db: t.db, episodeId: "ep-rising_lactate", startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
    const lactate = data.labs.find((l) => l.code === "lactate");
    const last = of("ep-rising_lactate", "lactate").filter(inShift).at(-1);
    expect(last).toBeDefined();
    expect(lactate?.end?.status).toBe(last && last.value >= 2 ? "high" : "in");
  });

  it("lists every change of assist ratio during the shift with its time, and no pump-speed change for its noise", async () => {
    const data = await computeHandoverData({ db: t.db, episodeId: "ep-iabp_weaning", startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
    const ratio = of("ep-iabp_weaning", "iabp_ratio");
    const expected = ratio.flatMap((r, i) => {
      const previous = ratio[i - 1];
      return inShift(r) && previous && previous.value !== r.value ? [{ code: "iabp_ratio", from: previous.value, to: r.value, at: r.observedAt.getTime() }] : [];
    });
    // The scenario's own timeline agrees: one step 1:1 → 1:2, 40 h after the start, inside this night.
    expect(expected).toHaveLength(1);
    expect(expected[0]?.at).toBeGreaterThanOrEqual(TEST_START.getTime() + RATIO_1_2_AT);
    expect(data.settings.changes).toEqual(expected);
    expect(data.settings.current.find((s) => s.code === "iabp_ratio")?.value).toBe(2);
    expect(data.timers).toContainEqual({ kind: "ratio_step", ratio: 2, since: expected[0]?.at });

    const ecmo = await computeHandoverData({ db: t.db, episodeId: "ep-rising_lactate", startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
    const rpm = of("ep-rising_lactate", "ecmo_rpm").filter(inShift).map((r) => r.value);
    expect(Math.max(...rpm) - Math.min(...rpm)).toBeLessThan(50);
    expect(ecmo.settings.changes.filter((c) => c.code === "ecmo_rpm")).toEqual([]);
  });

  it("summarises each continuous value over the shift as the readings say: count, min, max, first and last", async () => {
    const data = await computeHandoverData({ db: t.db, episodeId: "ep-rising_lactate", startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
    for (const trend of data.trends) {
      const values = of("ep-rising_lactate", trend.code).filter(inShift);
      expect(trend.count).toBe(values.length);
      if (values.length === 0) continue;
      expect(trend.min).toBe(Math.min(...values.map((r) => r.value)));
      expect(trend.max).toBe(Math.max(...values.map((r) => r.value)));
      expect(trend.first?.observedAt).toBe(values[0]?.observedAt.getTime());
      expect(trend.last?.value).toBe(values.at(-1)?.value);
    }
    expect(data.trends.find((tr) => tr.code === "map")?.count).toBeGreaterThan(100);
  });

  it("covers only what had happened when a shift still running is read, and counts the day on support", async () => {
    const until = NIGHT.startsAt + 3 * HOUR;
    const data = await computeHandoverData({ db: t.db, episodeId: "ep-iabp_weaning", startsAt: NIGHT.startsAt, coversUntil: until, now: until });
    expect(data.settings.changes).toEqual([]);
    expect(data.trends.find((tr) => tr.code === "map")?.last?.observedAt).toBeLessThan(until);
    // 18:00Z on the 17th is 33 h 50 min after the 08:10Z start on the 16th: the second day.
    expect(data.episode.dayOnSupport).toBe(2);
  });

  it("says plainly that alarms and rounds are not available rather than counting zero", async () => {
    const data = await computeHandoverData({ db: t.db, episodeId: "ep-iabp_weaning", startsAt: NIGHT.startsAt, coversUntil: NIGHT.endsAt, now: NIGHT.endsAt });
    expect(data.alarms).toEqual({ available: false, reason: "not_installed" });
    expect(data.rounds).toEqual({ available: false, reason: "not_installed" });
  });
});
