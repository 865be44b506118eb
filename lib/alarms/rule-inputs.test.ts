import { describe, expect, it } from "vitest";
import { emptyAlarmState } from "./alarm-state";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { evaluateAlarms } from "./evaluate-alarms";
import { evaluateTimers } from "./evaluate-timers";
import { rulesInForce } from "./rule-inputs";
import { D, H, T0 } from "./testing";

const ids = (deviceType: Parameters<typeof rulesInForce>[1]) =>
  rulesInForce(DEFAULT_ALARM_RULES, deviceType).map((r) => r.id);

describe("the rules in force follow what runs in the stay", () => {
  it("with no support running: the laboratory, limb and nursing rules, no device rule, no heparin or schedule timer", () => {
    const none = ids(null);
    for (const id of ["lactate-high", "lactate-medium", "anti-xa-hold-heparin", "platelets-low", "hemoglobin-low"])
      expect(none).toContain(id);
    for (const id of ["fibrinogen-low", "free-hb-high", "urine-output-low", "nirs-left-low", "nirs-difference"])
      expect(none).toContain(id);
    for (const id of ["helium-low", "iabp-pump-stopped", "ecmo-flow-low", "dpc-flow-low", "device-feed-stale"])
      expect(none).not.toContain(id);
    // Heparin runs only during a support: its target, its overdue timer and the platelet fall it watches stay with it.
    for (const id of ["anti-xa-overdue", "anti-xa-out-of-target", "platelets-fall-from-peak"])
      expect(none).not.toContain(id);
  });

  it("while a support runs: its device's rules and those of the whole stay its device has", () => {
    const iabp = ids("IABP");
    expect(iabp).toEqual(
      expect.arrayContaining(["helium-low", "lactate-high", "anti-xa-overdue", "device-feed-stale"]),
    );
    expect(iabp).not.toContain("ecmo-flow-low");
  });

  it("judges a lactate of 6 mmol/L with no support (lactate-high), and no helium level", () => {
    const { transitions } = evaluateAlarms({
      rules: DEFAULT_ALARM_RULES,
      state: emptyAlarmState(),
      episode: { deviceType: null, startedAt: T0 },
      readings: [
        { seq: 1, parameter: "lactate", value: 6, observedAt: T0 + H },
        { seq: 2, parameter: "helium_level", value: 10, observedAt: T0 + H },
      ],
      now: T0 + H,
    });
    expect(transitions.map((t) => [t.type, t.ruleId])).toEqual([["raised", "lactate-high"]]);
  });

  it("calls nothing overdue and no feed stale on the clock with no support", () => {
    const { transitions } = evaluateTimers({
      rules: DEFAULT_ALARM_RULES,
      state: emptyAlarmState(),
      episode: { deviceType: null, startedAt: T0 },
      now: T0 + 3 * D,
    });
    expect(transitions).toEqual([]);
  });
});
