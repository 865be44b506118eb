import { describe, expect, it } from "vitest";
import { emptyAlarmState } from "./alarm-state";
import { evaluateTimers } from "./evaluate-timers";
import { recordAcknowledgement } from "./record-acknowledgement";
import { D, episodeOf, H, MIN, read, ruleById, run, S, series, story, T0, tick, times } from "./testing";

const ecmo = episodeOf("VA_ECMO");
const iabp = episodeOf("IABP");

describe("a result that has not come", () => {
  it("counts from the episode start while nothing has been measured", () => {
    const rules = [ruleById("anti-xa-overdue")];
    expect(run({ steps: [tick(T0 + 12 * H)], episode: ecmo, rules }).transitions).toEqual([]);
    const { transitions } = run({ steps: [tick(T0 + 12 * H + 1)], episode: ecmo, rules });
    expect(transitions).toMatchObject([
      {
        type: "raised",
        ruleId: "anti-xa-overdue",
        priority: "medium",
        seq: null,
        conditionSince: T0,
        unit: "ms",
        limit: 12 * H,
      },
    ]);
  });

  it("clears when the sample comes", () => {
    const steps = [tick(T0 + 13 * H), read("anti_xa", 0.4, T0 + 13 * H + MIN)];
    const { transitions } = run({ steps, episode: ecmo, rules: [ruleById("anti-xa-overdue")] });
    expect(transitions).toMatchObject([{ type: "raised" }, { type: "cleared", clearedBySeq: 1, latched: false }]);
  });

  it("wants lactate every 4 h once it is ≥ 2, every 8 h below", () => {
    const rules = [ruleById("lactate-overdue")];
    expect(
      story(run({ steps: [read("lactate", 2.4, T0), tick(T0 + 4 * H + 1)], episode: ecmo, rules }).transitions),
    ).toEqual(["lactate-overdue raised low"]);
    expect(
      story(run({ steps: [read("lactate", 1.9, T0), tick(T0 + 4 * H + 1)], episode: ecmo, rules }).transitions),
    ).toEqual([]);
    expect(
      story(run({ steps: [read("lactate", 1.9, T0), tick(T0 + 8 * H + 1)], episode: ecmo, rules }).transitions),
    ).toEqual(["lactate-overdue raised low"]);
  });

  it("trusts the engine's newest reading time when the state has not seen the reading (after a restart)", () => {
    const { transitions } = evaluateTimers({
      rules: [ruleById("platelets-overdue")],
      state: emptyAlarmState(),
      episode: ecmo,
      now: T0 + 2 * D,
      lastSeenAt: { platelets: T0 + D + H },
    });
    expect(transitions).toEqual([]);
  });

  it("does not ask an IABP patient for the VA-ECMO review's fibrinogen and LDH", () => {
    const { transitions } = run({ steps: [tick(T0 + 3 * D)], episode: iabp });
    expect(story(transitions).sort()).toEqual([
      "anti-xa-overdue raised medium",
      "device-feed-stale raised technical",
      "hemoglobin-overdue raised low",
      "lactate-overdue raised low",
      "platelets-overdue raised low",
    ]);
  });
});

describe("a bed's device feed", () => {
  const rules = [ruleById("device-feed-stale")];

  it("is stale once its newest device reading is older than 3 × the catalogue's 5 s", () => {
    const steps = [...series("ecmo_flow", T0, times(4, 3)), tick(T0 + 10 * S + 15 * S), tick(T0 + 10 * S + 15 * S + 1)];
    const { transitions } = run({ steps, episode: ecmo, rules });
    expect(transitions).toMatchObject([
      {
        type: "raised",
        priority: "technical",
        conditionSince: T0 + 10 * S,
        value: 15 * S + 1,
        limit: 15 * S,
        parameter: null,
      },
    ]);
  });

  it("is not kept alive by a lab result, and comes back with any device reading", () => {
    const steps = [
      read("map", 70, T0),
      read("lactate", 1.2, T0 + MIN),
      tick(T0 + MIN),
      read("spo2_right", 97, T0 + 2 * MIN),
      tick(T0 + 2 * MIN),
    ];
    expect(story(run({ steps, episode: ecmo, rules }).transitions)).toEqual([
      "device-feed-stale raised technical",
      "device-feed-stale cleared",
    ]);
  });

  it("is not stale while one console of two still sends (a silent console is a stale value, not a stale bed)", () => {
    const steps = [read("helium_level", 80, T0), ...series("ecmo_flow", T0, times(4, 13)), tick(T0 + MIN)];
    expect(run({ steps, episode: episodeOf("VA_ECMO_IABP"), rules }).transitions).toEqual([]);
  });
});

describe("an IABP stopped with the balloon in the aorta", () => {
  const rules = [ruleById("iabp-pump-stopped")];
  const stop = [read("iabp_pumping", 1, T0), read("iabp_pumping", 0, T0 + MIN)];

  it("raises after 20 min stopped, counting on while the console is silent, and names the stopping reading", () => {
    const { transitions } = run({
      steps: [...stop, tick(T0 + 10 * MIN), tick(T0 + 21 * MIN + 1)],
      episode: iabp,
      rules,
    });
    expect(transitions).toMatchObject([
      { type: "raised", priority: "high", seq: 2, conditionSince: T0 + MIN, observedAt: T0 + 21 * MIN + 1 },
    ]);
  });

  it("raises on a reading too, when the console keeps saying it is stopped", () => {
    const steps = [...stop, ...series("iabp_pumping", T0 + 2 * MIN, times(0, 21), MIN)];
    expect(run({ steps, episode: iabp, rules }).transitions).toMatchObject([
      { type: "raised", seq: 2, observedAt: T0 + 22 * MIN },
    ]);
  });

  it("does not raise when pumping resumes within 20 min", () => {
    const steps = [...stop, read("iabp_pumping", 1, T0 + 15 * MIN), tick(T0 + 40 * MIN)];
    expect(run({ steps, episode: iabp, rules }).transitions).toEqual([]);
  });

  it("latches: a stop that ended still waits for someone to acknowledge it", () => {
    const steps = [...stop, tick(T0 + 25 * MIN), read("iabp_pumping", 1, T0 + 26 * MIN)];
    const { state, transitions } = run({ steps, episode: iabp, rules });
    expect(story(transitions)).toEqual(["iabp-pump-stopped raised high", "iabp-pump-stopped cleared (latched)"]);
    expect(recordAcknowledgement({ state, ruleId: "iabp-pump-stopped", at: T0 + 30 * MIN }).outcome).toBe("ended");
  });
});

describe("value rules and the clock", () => {
  it("leaves value rules to readings: a flow below its limit that nobody measures again is never confirmed", () => {
    const steps = [read("ecmo_flow", 1.5, T0), tick(T0 + MIN)];
    expect(story(run({ steps, episode: ecmo, rules: [ruleById("ecmo-flow-low")] }).transitions)).toEqual([]);
  });
});
