import { describe, expect, it } from "vitest";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { applyLimitOverrides, checkLimitOverride } from "./limit-overrides";
import { evaluateAlarms } from "./evaluate-alarms";
import { emptyAlarmState } from "./alarm-state";
import { episodeOf, ruleById, T0 } from "./testing";

const limitOf = (rules: readonly { id: string }[], id: string) => {
  const rule = ruleById(id, rules as never);
  return rule.kind === "threshold" && rule.limit.comparison !== "outsideTarget" ? rule.limit.value : null;
};

describe("applyLimitOverrides", () => {
  it("applies the unit's limit, then the episode's over it, and says where each came from", () => {
    const unitOnly = applyLimitOverrides(DEFAULT_ALARM_RULES, [
      { id: "o1", ruleId: "lactate-high", scope: "unit", limits: { value: 5 } },
    ]);
    expect(limitOf(unitOnly.rules, "lactate-high")).toBe(5);
    expect(unitOnly.provenance.get("lactate-high")).toEqual({ source: "unit-override", ref: "o1" });
    expect(unitOnly.provenance.get("lactate-medium")).toEqual({ source: "default", ref: "scai2019" });
    const both = applyLimitOverrides(DEFAULT_ALARM_RULES, [
      { id: "o1", ruleId: "lactate-high", scope: "unit", limits: { value: 5 } },
      { id: "o2", ruleId: "lactate-high", scope: "episode", limits: { value: 6 } },
    ]);
    expect(limitOf(both.rules, "lactate-high")).toBe(6);
    expect(both.provenance.get("lactate-high")).toEqual({ source: "episode-override", ref: "o2" });
  });

  it("falls back to the unit's limit when the episode's override is withdrawn, and leaves the defaults untouched", () => {
    const { rules, provenance } = applyLimitOverrides(DEFAULT_ALARM_RULES, [
      { id: "o1", ruleId: "lactate-high", scope: "unit", limits: { value: 5 } },
      { id: "o3", ruleId: "lactate-high", scope: "episode", limits: null },
    ]);
    expect(limitOf(rules, "lactate-high")).toBe(5);
    expect(provenance.get("lactate-high")?.source).toBe("unit-override");
    expect(limitOf(DEFAULT_ALARM_RULES, "lactate-high")).toBe(4);
  });

  it("changes what the evaluator raises: lactate 4.6 is silent for the high rule under a limit of 5", () => {
    const { rules } = applyLimitOverrides(DEFAULT_ALARM_RULES, [
      { id: "o1", ruleId: "lactate-high", scope: "episode", limits: { value: 5 } },
    ]);
    const readings = [{ seq: 1, parameter: "lactate", value: 4.6, observedAt: T0 + 1000 }];
    const raisedWith = (set: typeof rules) =>
      evaluateAlarms({
        rules: set,
        state: emptyAlarmState(),
        episode: episodeOf("VA_ECMO"),
        readings,
        now: T0 + 1000,
      }).transitions.map((t) => t.ruleId);
    expect(raisedWith([...DEFAULT_ALARM_RULES])).toContain("lactate-high");
    expect(raisedWith(rules)).not.toContain("lactate-high");
    expect(raisedWith(rules)).toContain("lactate-medium");
  });
});

describe("checkLimitOverride", () => {
  it("accepts a fixed threshold within the plausible range, and says why it refuses the rest", () => {
    expect(checkLimitOverride(ruleById("ecmo-flow-low"), { value: 1.5 })).toBeNull();
    expect(checkLimitOverride(ruleById("ecmo-flow-low"), { value: 50 })).toMatch(/plausible range/);
    expect(checkLimitOverride(ruleById("anti-xa-out-of-target"), { value: 0.4 })).toMatch(/no fixed limit/);
    expect(checkLimitOverride(ruleById("helium-falling"), { value: 2 })).toMatch(/no fixed limit/);
    expect(checkLimitOverride(undefined, { value: 2 })).toBe("no such rule");
  });
});
