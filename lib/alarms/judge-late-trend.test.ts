import { describe, expect, it } from "vitest";
import type { TAlarmSample } from "./alarm-state";
import { evaluateAlarms } from "./evaluate-alarms";
import { judgesLateSamples, lateSeriesFrom } from "./judge-late-trend";
import { D, H, MIN, S, T0, episodeOf, read, ruleById, run, story } from "./testing";

const ecmo = episodeOf("VA_ECMO");
const rising = [ruleById("lactate-rising")];
const ldhRising = [ruleById("ldh-rising")];

/** What the engine reads from the database once the late result is stored: the series with it in its place. */
const sampleOf = (seq: number, value: number, observedAt: number): TAlarmSample => ({ seq, value, observedAt });

describe("a late result judged by a trend on successive samples (judgeLateTrend)", () => {
  it("makes the late sample the current value's predecessor: lactate 1.0 → (late 2.4) → 1.6 rose into the late one, and the trend as it stands falls", () => {
    // 1.0 then 1.6: a rise of 0.6, raised in time.
    const before = run({
      steps: [read("lactate", 1.0, T0 + 2 * H), read("lactate", 1.6, T0 + 8 * H)],
      episode: ecmo,
      rules: rising,
    });
    expect(story(before.transitions)).toEqual(["lactate-rising raised low"]);
    const late = sampleOf(9, 2.4, T0 + 5 * H);
    const result = evaluateAlarms({
      rules: rising,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "lactate", ...late }],
      now: T0 + 9 * H,
      series: { lactate: [sampleOf(1, 1.0, T0 + 2 * H), late, sampleOf(2, 1.6, T0 + 8 * H)] },
    });
    // The standing alarm is not raised again for the record; the pair (2.4 → 1.6) is a fall, so it ends, by the newest.
    expect(story(result.transitions)).toEqual(["lactate-rising cleared"]);
    expect(result.transitions[0]).toMatchObject({ clearedBySeq: 2, seq: 2 });
    expect(result.state.rules["lactate-rising"]?.alarm ?? null).toBeNull();
    expect(result.state.latest.lactate).toEqual(sampleOf(2, 1.6, T0 + 8 * H));
  });

  it("raises the trend as it now stands when the late sample makes the newest pair a rise", () => {
    const before = run({
      steps: [read("lactate", 2.0, T0 + 2 * H), read("lactate", 2.2, T0 + 8 * H)],
      episode: ecmo,
      rules: rising,
    });
    expect(before.transitions).toEqual([]);
    const late = sampleOf(9, 1.5, T0 + 5 * H);
    const result = evaluateAlarms({
      rules: rising,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "lactate", ...late }],
      now: T0 + 9 * H,
      series: { lactate: [sampleOf(1, 2.0, T0 + 2 * H), late, sampleOf(2, 2.2, T0 + 8 * H)] },
    });
    // 1.5 → 2.2 is a rise of 0.7 at the newest value: the alarm stands now, rooted in the newest reading.
    expect(story(result.transitions)).toEqual(["lactate-rising raised low"]);
    expect(result.transitions[0]).toMatchObject({ seq: 2, observedAt: T0 + 8 * H, value: 0.7 });
    expect(result.state.rules["lactate-rising"]?.alarm?.seq).toBe(2);
  });

  it("judges the rise into a late sample older than the current value's predecessor for the record only", () => {
    const before = run({
      steps: [read("ldh", 900, T0 + 2 * H), read("ldh", 800, T0 + 20 * H), read("ldh", 700, T0 + 30 * H)],
      episode: ecmo,
      rules: ldhRising,
    });
    expect(before.transitions).toEqual([]);
    const late = sampleOf(9, 1300, T0 + 10 * H);
    const result = evaluateAlarms({
      rules: ldhRising,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "ldh", ...late }],
      now: T0 + 31 * H,
      series: {
        ldh: [sampleOf(1, 900, T0 + 2 * H), late, sampleOf(2, 800, T0 + 20 * H), sampleOf(3, 700, T0 + 30 * H)],
      },
    });
    // 900 → 1300 rose above 1000 at 10 h; the next sample (800 at 20 h) ended it. Nothing stands now.
    expect(story(result.transitions)).toEqual(["ldh-rising raised medium", "ldh-rising cleared"]);
    expect(result.transitions[0]).toMatchObject({ seq: 9, observedAt: T0 + 10 * H });
    expect(result.transitions[1]).toMatchObject({ clearedBySeq: 2, observedAt: T0 + 20 * H });
    expect(result.state.rules["ldh-rising"]?.alarm ?? null).toBeNull();
  });

  it("leaves a late sample to the threshold rules only when the engine gives no series", () => {
    const before = run({
      steps: [read("lactate", 2.0, T0 + 2 * H), read("lactate", 2.2, T0 + 8 * H)],
      episode: ecmo,
      rules: rising,
    });
    const result = evaluateAlarms({
      rules: rising,
      state: before.state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "lactate", value: 1.5, observedAt: T0 + 5 * H }],
      now: T0 + 9 * H,
    });
    expect(result.transitions).toEqual([]);
  });
});

describe("a late result judged by a trend that keeps a memory (peak, window) in its place", () => {
  const plateletFall = [ruleById("platelets-fall-from-peak")];

  it("makes a late platelet count the peak the current count has fallen from: 200, (late 260), 120 raises the HIT screen now", () => {
    // 200 → 120 is a 40 % fall: under the 50 % of day 3.
    const before = run({
      steps: [read("platelets", 200, T0 + D), read("platelets", 120, T0 + 3 * D)],
      episode: ecmo,
      rules: plateletFall,
    });
    expect(before.transitions).toEqual([]);
    const late = sampleOf(9, 260, T0 + 2 * D);
    const result = evaluateAlarms({
      rules: plateletFall,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "platelets", ...late }],
      now: T0 + 3 * D + H,
      series: { platelets: [sampleOf(1, 200, T0 + D), late, sampleOf(2, 120, T0 + 3 * D)] },
    });
    // 260 → 120 is a 54 % fall, judged on the newest count, which stays the current value.
    expect(story(result.transitions)).toEqual(["platelets-fall-from-peak raised medium"]);
    expect(result.transitions[0]).toMatchObject({ seq: 2, observedAt: T0 + 3 * D, prompt: "fourTsScreen" });
    expect(result.state.rules["platelets-fall-from-peak"]?.peak).toEqual(late);
    expect(result.state.latest.platelets).toEqual(sampleOf(2, 120, T0 + 3 * D));
  });

  it("latches the fall a late low count shows at its own time, until someone acknowledges it", () => {
    const before = run({
      steps: [read("platelets", 200, T0 + D), read("platelets", 190, T0 + 3 * D)],
      episode: ecmo,
      rules: plateletFall,
    });
    const late = sampleOf(9, 90, T0 + 2 * D);
    const result = evaluateAlarms({
      rules: plateletFall,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "platelets", ...late }],
      now: T0 + 3 * D + H,
      series: { platelets: [sampleOf(1, 200, T0 + D), late, sampleOf(2, 190, T0 + 3 * D)] },
    });
    expect(story(result.transitions)).toEqual([
      "platelets-fall-from-peak raised medium",
      "platelets-fall-from-peak cleared (latched)",
    ]);
    expect(result.transitions[0]).toMatchObject({ seq: 9, observedAt: T0 + 2 * D });
    expect(result.transitions[1]).toMatchObject({ clearedBySeq: 2, observedAt: T0 + 3 * D });
    expect(result.state.rules["platelets-fall-from-peak"]?.alarm).toMatchObject({ seq: 9, conditionActive: false });
  });

  it("counts a late charted urine output in the window of the newest: 100, 100, (late 10), 60 mL/h for 80 kg is oliguria", () => {
    const weighed = episodeOf("VA_ECMO", { weightKg: 80 });
    const oliguria = [ruleById("urine-output-low")];
    // At 4 h the 2 h window holds 60 mL alone: the missing hour leaves it unjudged.
    const before = run({
      steps: [
        read("urine_output", 100, T0 + H),
        read("urine_output", 100, T0 + 2 * H),
        read("urine_output", 60, T0 + 4 * H),
      ],
      episode: weighed,
      rules: oliguria,
    });
    expect(before.transitions).toEqual([]);
    const late = sampleOf(9, 10, T0 + 3 * H);
    const result = evaluateAlarms({
      rules: oliguria,
      state: before.state,
      episode: weighed,
      readings: [{ parameter: "urine_output", ...late }],
      now: T0 + 4 * H + MIN,
      series: {
        urine_output: [sampleOf(1, 100, T0 + H), sampleOf(2, 100, T0 + 2 * H), late, sampleOf(3, 60, T0 + 4 * H)],
      },
    });
    // (10 + 60) mL / 2 h / 80 kg = 0.44 mL/kg/h < 0.5, judged on the newest volume; at 3 h itself it was 0.69.
    expect(story(result.transitions)).toEqual(["urine-output-low raised medium"]);
    expect(result.transitions[0]).toMatchObject({ seq: 3, observedAt: T0 + 4 * H, value: 0.4375 });
  });

  it("sees a late helium level in the hour before the newest: 80, (late 84), 79 % is a fall of 5 points, raised once it has held the device delay", () => {
    const iabp = episodeOf("IABP");
    const falling = [ruleById("helium-falling")];
    const before = run({
      steps: [read("helium_level", 80, T0), read("helium_level", 79, T0 + 50 * MIN)],
      episode: iabp,
      rules: falling,
    });
    expect(before.transitions).toEqual([]);
    const late = sampleOf(9, 84, T0 + 20 * MIN);
    const result = evaluateAlarms({
      rules: falling,
      state: before.state,
      episode: iabp,
      readings: [{ parameter: "helium_level", ...late }],
      now: T0 + 51 * MIN,
      series: { helium_level: [sampleOf(1, 80, T0), late, sampleOf(2, 79, T0 + 50 * MIN)] },
    });
    // The fall starts its condition at the newest level; the console's next levels carry it past the 15 s delay.
    expect(result.transitions).toEqual([]);
    expect(result.state.rules["helium-falling"]?.conditionSince).toBe(T0 + 50 * MIN);
    const next = run({
      steps: [read("helium_level", 79, T0 + 50 * MIN + 5 * S), read("helium_level", 79, T0 + 50 * MIN + 20 * S)],
      episode: iabp,
      rules: falling,
      state: result.state,
      firstSeq: 10,
    });
    expect(story(next.transitions)).toEqual(["helium-falling raised medium"]);
    expect(next.transitions[0]).toMatchObject({ observedAt: T0 + 50 * MIN + 20 * S, value: 5 });
  });

  it("leaves the trend as it stands when the late sample changes nothing the current value is judged with", () => {
    const before = run({
      steps: [read("platelets", 200, T0 + D), read("platelets", 120, T0 + 3 * D)],
      episode: ecmo,
      rules: plateletFall,
    });
    // 180 is below the peak (200) and falls 10 % from it: nothing to record, nothing to judge again.
    const late = sampleOf(9, 180, T0 + 2 * D);
    const result = evaluateAlarms({
      rules: plateletFall,
      state: before.state,
      episode: ecmo,
      readings: [{ parameter: "platelets", ...late }],
      now: T0 + 3 * D + H,
      series: { platelets: [sampleOf(1, 200, T0 + D), late, sampleOf(2, 120, T0 + 3 * D)] },
    });
    expect(result.transitions).toEqual([]);
    expect(result.state.rules["platelets-fall-from-peak"]).toEqual(before.state.rules["platelets-fall-from-peak"]);
  });
});

describe("how far back the engine reads around a late result (lateSeriesFrom)", () => {
  it("reaches a window back for a windowed trend, to heparin's start for the platelet peak, and not at all for a pair", () => {
    const episode = episodeOf("VA_ECMO", { heparinStartedAt: T0 + H });
    const at = T0 + 2 * D;
    const from = (id: string) => {
      const rule = ruleById(id);
      return judgesLateSamples(rule) ? lateSeriesFrom(rule, episode, at) : "not judged";
    };
    expect(from("urine-output-low")).toBe(at - 2 * H);
    expect(from("helium-falling")).toBe(at - H);
    expect(from("platelets-fall-from-peak")).toBe(T0 + H);
    expect(from("lactate-rising")).toBeNull();
    expect(from("ecmo-flow-falling")).toBe("not judged");
  });
});
