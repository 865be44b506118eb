import { describe, expect, it } from "vitest";
import type { TAlarmSample } from "./alarm-state";
import { evaluateAlarms } from "./evaluate-alarms";
import { H, T0, episodeOf, read, ruleById, run, story } from "./testing";

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
