import { describe, expect, it } from "vitest";
import { evaluateAlarms } from "./evaluate-alarms";
import { H, T0, episodeOf, read, ruleById, run, story } from "./testing";

const ecmo = episodeOf("VA_ECMO");
const lactateRules = [ruleById("lactate-high"), ruleById("lactate-medium")];

describe("a reading older than the newest known value (judgeLateReading)", () => {
  it("raises its alarm at its own time and ends it at the newer value, which stays the current one", () => {
    const before = run({ steps: [read("lactate", 1.2, T0 + 8 * H)], episode: ecmo, rules: lactateRules });
    const late = evaluateAlarms({
      rules: lactateRules,
      state: before.state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "lactate", value: 4.5, observedAt: T0 + 2 * H }],
      now: T0 + 9 * H,
    });
    // The family's higher rule only, as in time: the medium one is superseded.
    expect(story(late.transitions)).toEqual(["lactate-high raised high", "lactate-high cleared"]);
    const [raised, cleared] = late.transitions;
    expect(raised).toMatchObject({ observedAt: T0 + 2 * H, seq: 9, value: 4.5 });
    expect(cleared).toMatchObject({ observedAt: T0 + 8 * H, clearedBySeq: 1, latched: false, value: 1.2 });
    expect(late.state.latest.lactate).toEqual({ seq: 1, value: 1.2, observedAt: T0 + 8 * H });
    expect(late.state.rules["lactate-high"]?.alarm ?? null).toBeNull();
  });

  it("raises nothing for a late value inside the limits", () => {
    const before = run({ steps: [read("lactate", 1.2, T0 + 8 * H)], episode: ecmo, rules: lactateRules });
    const late = evaluateAlarms({
      rules: lactateRules,
      state: before.state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "lactate", value: 1.5, observedAt: T0 + 2 * H }],
      now: T0 + 9 * H,
    });
    expect(late.transitions).toEqual([]);
  });

  it("leaves a standing alarm of the rule alone", () => {
    const before = run({ steps: [read("lactate", 5, T0 + 8 * H)], episode: ecmo, rules: lactateRules });
    expect(story(before.transitions)).toEqual(["lactate-high raised high"]);
    const late = evaluateAlarms({
      rules: lactateRules,
      state: before.state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "lactate", value: 6, observedAt: T0 + 2 * H }],
      now: T0 + 9 * H,
    });
    expect(late.transitions).toEqual([]);
    expect(late.state.rules["lactate-high"]?.alarm?.seq).toBe(1);
  });

  it("keeps a latching rule's alarm standing, latched, until it is acknowledged", () => {
    const latching = [{ ...ruleById("lactate-high"), latching: true }];
    const before = run({ steps: [read("lactate", 1.2, T0 + 8 * H)], episode: ecmo, rules: latching });
    const late = evaluateAlarms({
      rules: latching,
      state: before.state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "lactate", value: 4.5, observedAt: T0 + 2 * H }],
      now: T0 + 9 * H,
    });
    expect(story(late.transitions)).toEqual(["lactate-high raised high", "lactate-high cleared (latched)"]);
    expect(late.state.rules["lactate-high"]?.alarm).toMatchObject({ seq: 9, conditionActive: false });
  });

  it("does not judge a device value late: a validation delay needs a run of readings in time", () => {
    const rules = [ruleById("ecmo-flow-low")];
    const state = run({ steps: [read("ecmo_flow", 3.5, T0 + H)], episode: ecmo, rules }).state;
    const late = evaluateAlarms({
      rules,
      state,
      episode: ecmo,
      readings: [{ seq: 9, parameter: "ecmo_flow", value: 0.5, observedAt: T0 }],
      now: T0 + H,
    });
    expect(late.transitions).toEqual([]);
  });
});
