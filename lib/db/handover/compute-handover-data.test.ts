import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TReadingInput } from "@/lib/observations/reading";
import { DEFAULT_SHIFT_PATTERN, shiftByKey, type TShift } from "@/lib/shifts";
import { createEpisodeSimulation } from "@/server/simulator/create-episode-simulation";
import { RATIO_1_2_AT } from "@/server/simulator/scenarios/iabp-weaning";
import { runTicks, TEST_START, testEpisode } from "@/test/support/simulate-episode";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
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
    data: {
      id: `p-${suffix}`,
      identifier: `SIM-${suffix}`,
      givenName: "Synthetic",
      familyName: `Patient${suffix}`,
      birthDate: new Date("1960-02-01"),
      sex: "M",
      weightKg: 80,
    },
  });
  const simulation = createEpisodeSimulation({
    seed: 11,
    episode: testEpisode(scenario, {
      id: episodeId,
      bedId,
      settings: { ratio: "1:1", rpm: 3400, sweep: 3.5, fdo2: 60 },
    }),
  });
  await t.db.stay.create({
    data: { id: `s-${suffix}`, patientId: `p-${suffix}`, unitId: "u1", bedId, admittedAt: TEST_START },
  });
  await t.db.supportEpisode.create({
    data: {
      id: episodeId,
      stayId: `s-${suffix}`,
      patientId: `p-${suffix}`,
      bedId,
      deviceType: simulation.episode.deviceType,
      startedAt: TEST_START,
      cannulationSite: "femoral right",
      diagnosis: "Synthetic",
      settings: {},
    },
  });
  const readings = runTicks({ simulation, from: TEST_START, ticks: (48 * 60) / 5, tickMs: 5 * 60_000 });
  for (let i = 0; i < readings.length; i += 2000) {
    await t.db.observation.createMany({
      data: readings.slice(i, i + 2000).map((r) => ({
        episodeId,
        stayId: `s-${suffix}`,
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
      const data = await computeHandoverData({
        db: t.db,
        stayId: episodeId === "ep-iabp_weaning" ? "s-1" : "s-2",
        episodeId,
        startsAt: NIGHT.startsAt,
        coversUntil: NIGHT.endsAt,
        now: NIGHT.endsAt,
      });
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
        const expectedDelta =
          start && during.length > 0 && end ? Number((end.value - start.value).toFixed(decimals)) : null;
        expect(lab.delta === null ? null : lab.delta + 0).toBe(expectedDelta === null ? null : expectedDelta + 0);
      }
    }
  });

  it("finds lactate's shift: at least one sample and the out-of-target mark of its end value", async () => {
    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-2",
      episodeId: "ep-rising_lactate",
      startsAt: NIGHT.startsAt,
      coversUntil: NIGHT.endsAt,
      now: NIGHT.endsAt,
    });
    const lactate = data.labs.find((l) => l.code === "lactate");
    const last = of("ep-rising_lactate", "lactate").filter(inShift).at(-1);
    expect(last).toBeDefined();
    expect(lactate?.end?.status).toBe(last && last.value >= 2 ? "high" : "in");
  });

  it("lists every change of assist ratio during the shift with its time, and no pump-speed change for its noise", async () => {
    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-1",
      episodeId: "ep-iabp_weaning",
      startsAt: NIGHT.startsAt,
      coversUntil: NIGHT.endsAt,
      now: NIGHT.endsAt,
    });
    const ratio = of("ep-iabp_weaning", "iabp_ratio");
    const expected = ratio.flatMap((r, i) => {
      const previous = ratio[i - 1];
      return inShift(r) && previous && previous.value !== r.value
        ? [{ code: "iabp_ratio", from: previous.value, to: r.value, at: r.observedAt.getTime() }]
        : [];
    });
    // The scenario's own timeline agrees: one step 1:1 → 1:2, 40 h after the start, inside this night.
    expect(expected).toHaveLength(1);
    expect(expected[0]?.at).toBeGreaterThanOrEqual(TEST_START.getTime() + RATIO_1_2_AT);
    expect(data.settings.changes).toEqual(expected);
    expect(data.settings.current.find((s) => s.code === "iabp_ratio")?.value).toBe(2);
    expect(data.timers).toContainEqual({ kind: "ratio_step", ratio: 2, since: expected[0]?.at });

    const ecmo = await computeHandoverData({
      db: t.db,
      stayId: "s-2",
      episodeId: "ep-rising_lactate",
      startsAt: NIGHT.startsAt,
      coversUntil: NIGHT.endsAt,
      now: NIGHT.endsAt,
    });
    const rpm = of("ep-rising_lactate", "ecmo_rpm")
      .filter(inShift)
      .map((r) => r.value);
    expect(Math.max(...rpm) - Math.min(...rpm)).toBeLessThan(50);
    expect(ecmo.settings.changes.filter((c) => c.code === "ecmo_rpm")).toEqual([]);
  });

  it("summarises each continuous value over the shift as the readings say: count, min, max, first and last", async () => {
    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-2",
      episodeId: "ep-rising_lactate",
      startsAt: NIGHT.startsAt,
      coversUntil: NIGHT.endsAt,
      now: NIGHT.endsAt,
    });
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
    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-1",
      episodeId: "ep-iabp_weaning",
      startsAt: NIGHT.startsAt,
      coversUntil: until,
      now: until,
    });
    expect(data.settings.changes).toEqual([]);
    expect(data.trends.find((tr) => tr.code === "map")?.last?.observedAt).toBeLessThan(until);
    // 18:00Z on the 17th is 33 h 50 min after the 08:10Z start on the 16th: the second day.
    expect(data.episode?.dayOnSupport).toBe(2);
  });

  it("counts the shift's alarms by priority and lists those still on the list at its end, with their status then", async () => {
    const S = NIGHT.startsAt;
    const E = NIGHT.endsAt;
    const fixtures = [
      { id: "a-high", priority: "high", raisedAt: S + 2 * HOUR, events: [["raised", S + 2 * HOUR, "active"]] },
      {
        id: "a-medium",
        priority: "medium",
        raisedAt: S + 3 * HOUR,
        resolvedAt: S + 4 * HOUR,
        events: [
          ["raised", S + 3 * HOUR, "active"],
          ["cleared", S + 4 * HOUR, "resolved"],
        ],
      },
      {
        id: "a-medium-2",
        priority: "medium",
        raisedAt: S + 5 * HOUR,
        events: [
          ["raised", S + 5 * HOUR, "active"],
          ["acknowledged", S + 6 * HOUR, "acknowledged"],
        ],
      },
      { id: "a-low-before", priority: "low", raisedAt: S - HOUR, events: [["raised", S - HOUR, "active"]] },
      {
        id: "a-old",
        priority: "high",
        raisedAt: S - 5 * HOUR,
        resolvedAt: S - 4 * HOUR,
        events: [
          ["raised", S - 5 * HOUR, "active"],
          ["cleared", S - 4 * HOUR, "resolved"],
        ],
      },
      // Acknowledged after the shift ended: at the end of the shift it was still unacknowledged.
      {
        id: "a-late-ack",
        priority: "high",
        raisedAt: E - HOUR,
        events: [
          ["raised", E - HOUR, "active"],
          ["acknowledged", E + HOUR, "acknowledged"],
        ],
      },
      { id: "a-next", priority: "high", raisedAt: E + 2 * HOUR, events: [["raised", E + 2 * HOUR, "active"]] },
    ] as const;
    for (const f of fixtures) {
      const last = f.events.at(-1);
      await t.db.alarm.create({
        data: {
          id: f.id,
          unitId: "u1",
          bedId: "bed-2",
          stayId: "s-2",
          episodeId: "ep-rising_lactate",
          ruleId: "lactate-high",
          origin: "engine",
          priority: f.priority,
          messageKey: "thresholdHigh",
          parameter: "lactate",
          value: 4.4,
          limit: 4,
          comparison: "gte",
          valueUnit: "mmol/L",
          limitSource: "default",
          conditionSince: new Date(f.raisedAt),
          raisedAt: new Date(f.raisedAt),
          status: last?.[2] ?? "active",
          resolvedAt: "resolvedAt" in f ? new Date(f.resolvedAt) : null,
          lastEventSeq: 0,
        },
      });
      for (const [type, when, status] of f.events)
        await t.db.alarmEvent.create({
          data: { alarmId: f.id, unitId: "u1", bedId: "bed-2", type, at: new Date(when), status },
        });
    }
    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-2",
      episodeId: "ep-rising_lactate",
      startsAt: S,
      coversUntil: E,
      now: E,
    });
    if (!data.alarms.available) throw new Error("alarms should be available");
    const raisedInShift = fixtures.filter((f) => f.raisedAt >= S && f.raisedAt < E);
    const count = (p: string) => raisedInShift.filter((f) => f.priority === p).length;
    expect(data.alarms.counts).toEqual({
      high: count("high"),
      medium: count("medium"),
      low: count("low"),
      technical: 0,
    });
    expect(data.alarms.raised.map((a) => a.priority)).toEqual(["high", "high", "medium", "medium"]);
    expect(Object.fromEntries(data.alarms.active.map((a) => [a.id, a.status]))).toEqual({
      "a-high": "active",
      "a-late-ack": "active",
      "a-medium-2": "acknowledged",
      "a-low-before": "active",
    });
    expect(data.severity.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(["high_alarm_active", "alarms_raised"]),
    );
  });

  it("counts rounds done, late and missed and the abnormal findings in force, as the schedule of docs/rounds.md says", async () => {
    const S = NIGHT.startsAt;
    const E = NIGHT.endsAt;
    const MIN = 60_000;
    await t.db.user.create({
      data: {
        id: "nurse-1",
        username: "nurse1",
        displayName: "Nurse One",
        role: "nurse",
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
    });
    await t.db.roundTemplate.create({
      data: { id: "tpl-iabp", deviceType: "IABP", version: 1, publishedAt: new Date(0) },
    });
    await t.db.roundTemplateItem.create({
      data: {
        templateId: "tpl-iabp",
        itemId: "iabp.puncture_site",
        position: 1,
        sectionEn: "Site",
        sectionFr: "Site",
        labelEn: "Puncture site",
        labelFr: "Point de ponction",
        type: "normal_abnormal",
        frequency: "hourly",
      },
    });
    // Signed times: one before the shift, then a regular start, a 3 h 30 gap and nothing for the last six hours.
    const times = [S - 30 * MIN, S + 30 * MIN, S + 90 * MIN, S + 300 * MIN, S + 360 * MIN];
    for (const [i, at] of times.entries()) {
      await t.db.round.create({
        data: {
          id: `r${i}`,
          unitId: "u1",
          bedId: "bed-1",
          episodeId: "ep-iabp_weaning",
          templateId: "tpl-iabp",
          dueAt: new Date(at - 10 * MIN),
          signedAt: new Date(at),
          signedById: "nurse-1",
          frequencies: i === 1 ? ["hourly", "shift"] : ["hourly"],
          abnormalCount: i === 2 ? 1 : 0,
        },
      });
      await t.db.roundAnswer.create({
        data: {
          roundId: `r${i}`,
          itemId: "iabp.puncture_site",
          value: i === 2 || i === 3 ? "abnormal" : "normal",
          abnormal: i === 2 || i === 3,
          comment: i === 2 || i === 3 ? "Small haematoma" : null,
        },
      });
    }
    // The finding of r3 was recorded in error: its amendment (before the shift's end) makes it normal.
    await t.db.roundAmendment.create({
      data: {
        id: "am1",
        roundId: "r3",
        itemId: "iabp.puncture_site",
        value: "normal",
        abnormal: false,
        reason: "wrong bed",
        amendedAt: new Date(S + 400 * MIN),
        amendedById: "nurse-1",
      },
    });

    const data = await computeHandoverData({
      db: t.db,
      stayId: "s-1",
      episodeId: "ep-iabp_weaning",
      startsAt: S,
      coversUntil: E,
      now: E,
    });
    if (!data.rounds.available) throw new Error("rounds should be available");
    // Missed, by hand: S+2:30 and S+3:30 in the gap from 1:30 to 5:00; S+7:00 … S+12:00 (six) after 6:00.
    expect(data.rounds).toMatchObject({
      done: 4,
      late: 4,
      missed: 8,
      shiftItemsMissed: false,
      nextDueAt: S + 420 * MIN,
    });
    expect(data.rounds.abnormal).toEqual([
      {
        roundId: "r2",
        signedAt: S + 90 * MIN,
        itemId: "iabp.puncture_site",
        label: { en: "Puncture site", fr: "Point de ponction" },
        value: "abnormal",
        comment: "Small haematoma",
      },
    ]);
    expect(data.severity.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(["rounds_missed", "abnormal_findings"]),
    );
  });
});
