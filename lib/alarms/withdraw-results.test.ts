import { describe, expect, it } from "vitest";
import { judgedValue } from "@/lib/observations/lab-result";
import { emptyAlarmState } from "./alarm-state";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { evaluateAlarms } from "./evaluate-alarms";
import { episodeOf, MIN, T0 } from "./testing";
import { withdrawResults } from "./withdraw-results";

const rules = DEFAULT_ALARM_RULES;
const episode = episodeOf("VA_ECMO");
const antiXa = (seq: number, value: number, at = T0) => ({ seq, parameter: "anti_xa", value, observedAt: at });

describe("withdrawResults (issue 16: a corrected laboratory result re-judges the alarm it raised)", () => {
  it("clears the alarm anti-Xa 0.52 raised when the lab corrects it to 0.25, saying why, and 0.25 raises its own", () => {
    const first = evaluateAlarms({ rules, state: emptyAlarmState(), episode, readings: [antiXa(1, 0.52)], now: T0 });
    expect(first.transitions).toEqual([
      expect.objectContaining({ type: "raised", ruleId: "anti-xa-out-of-target", value: 0.52, seq: 1 }),
    ]);

    const withdrawn = withdrawResults({
      rules,
      state: first.state,
      episode,
      withdrawn: [{ seq: 1, bySeq: 2, reason: "result-corrected" }],
      at: T0 + 60 * MIN,
    });
    expect(withdrawn.transitions).toEqual([
      expect.objectContaining({
        type: "cleared",
        ruleId: "anti-xa-out-of-target",
        value: 0.52,
        seq: 1,
        clearedBySeq: 2,
        withdrawal: "result-corrected",
        unit: "[IU]/mL",
      }),
    ]);
    expect(withdrawn.state.rules["anti-xa-out-of-target"]?.alarm).toBeNull();
    expect(withdrawn.state.latest.anti_xa).toBeUndefined();
    // The state given is left as it was.
    expect(first.state.rules["anti-xa-out-of-target"]?.alarm).not.toBeNull();

    const corrected = evaluateAlarms({
      rules,
      state: withdrawn.state,
      episode,
      readings: [antiXa(2, 0.25)],
      now: T0 + 60 * MIN,
    });
    expect(corrected.transitions).toEqual([
      expect.objectContaining({ type: "raised", value: 0.25, comparison: "lt", limit: 0.3, seq: 2 }),
    ]);
  });

  it("leaves alarms raised by other readings alone", () => {
    const first = evaluateAlarms({ rules, state: emptyAlarmState(), episode, readings: [antiXa(1, 0.52)], now: T0 });
    const other = withdrawResults({
      rules,
      state: first.state,
      episode,
      withdrawn: [{ seq: 99, bySeq: 100, reason: "result-cancelled" }],
      at: T0,
    });
    expect(other.transitions).toEqual([]);
    expect(other.state.rules["anti-xa-out-of-target"]?.alarm).not.toBeNull();
  });

  it("judges a censored value on its comparator's side: > 0.5 is above a 0.5 limit, < 0.30 below a 0.3 one", () => {
    const above = evaluateAlarms({
      rules,
      state: emptyAlarmState(),
      episode,
      readings: [antiXa(1, judgedValue(0.5, ">"))],
      now: T0,
    });
    expect(above.transitions).toEqual([expect.objectContaining({ type: "raised", comparison: "gt", limit: 0.5 })]);
    const below = evaluateAlarms({
      rules,
      state: emptyAlarmState(),
      episode,
      readings: [antiXa(1, judgedValue(0.3, "<"))],
      now: T0,
    });
    expect(below.transitions).toEqual([expect.objectContaining({ type: "raised", comparison: "lt", limit: 0.3 })]);
  });
});
