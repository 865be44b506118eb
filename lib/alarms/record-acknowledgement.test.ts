import { describe, expect, it } from "vitest";
import { emptyAlarmState } from "./alarm-state";
import { recordAcknowledgement } from "./record-acknowledgement";
import { episodeOf, run, S, series, T0, times } from "./testing";

const ecmo = episodeOf("VA_ECMO");

describe("acknowledging an alarm", () => {
  const raised = run({ steps: series("ecmo_pven", T0, times(-120, 4)), episode: ecmo }).state;

  it("records when, and keeps the alarm raised while its condition holds", () => {
    const { state, outcome } = recordAcknowledgement({
      state: raised,
      ruleId: "ecmo-drainage-pressure-low",
      at: T0 + 20 * S,
    });
    expect(outcome).toBe("acknowledged");
    expect(state.rules["ecmo-drainage-pressure-low"]?.alarm).toMatchObject({
      acknowledgedAt: T0 + 20 * S,
      conditionActive: true,
    });
    expect(raised.rules["ecmo-drainage-pressure-low"]?.alarm?.acknowledgedAt).toBeNull();
  });

  it("says so when there is nothing to acknowledge, or it already was", () => {
    expect(recordAcknowledgement({ state: emptyAlarmState(), ruleId: "ecmo-flow-low", at: T0 }).outcome).toBe(
      "notRaised",
    );
    const once = recordAcknowledgement({ state: raised, ruleId: "ecmo-drainage-pressure-low", at: T0 + 20 * S }).state;
    const twice = recordAcknowledgement({ state: once, ruleId: "ecmo-drainage-pressure-low", at: T0 + 30 * S });
    expect(twice.outcome).toBe("alreadyAcknowledged");
    expect(twice.state.rules["ecmo-drainage-pressure-low"]?.alarm?.acknowledgedAt).toBe(T0 + 20 * S);
  });
});
