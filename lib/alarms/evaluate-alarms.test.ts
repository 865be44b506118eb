import { describe, expect, it } from "vitest";
import { SOURCES } from "@/lib/catalogue";
import { plateletFall } from "@/lib/scores/platelet-fall";
import { emptyAlarmState, ZAlarmState } from "./alarm-state";
import { evaluateAlarms } from "./evaluate-alarms";
import { recordAcknowledgement } from "./record-acknowledgement";
import { D, episodeOf, H, MIN, read, ruleById, run, S, series, story, T0, ticks, times, type TStep } from "./testing";

const ecmo = episodeOf("VA_ECMO");

describe("validation delay", () => {
  it("raises a device value that holds its condition for 15 s (four readings), not for 10 s (three)", () => {
    expect(
      story(run({ steps: series("ecmo_flow", T0, times(1.8, 3)), episode: ecmo }).transitions, "ecmo-flow-low"),
    ).toEqual([]);
    const held = run({ steps: series("ecmo_flow", T0, times(1.8, 4)), episode: ecmo }).transitions;
    expect(held).toMatchObject([
      {
        type: "raised",
        ruleId: "ecmo-flow-low",
        value: 1.8,
        limit: 2,
        comparison: "lt",
        seq: 4,
        conditionSince: T0,
        observedAt: T0 + 15 * S,
      },
    ]);
  });

  it("starts the delay again after a reading back within the limit", () => {
    const steps = series("ecmo_flow", T0, [1.8, 1.8, 1.8, 2.3, 1.8, 1.8, 1.8]);
    expect(story(run({ steps, episode: ecmo }).transitions, "ecmo-flow-low")).toEqual([]);
  });

  it("raises a lab result on its single sample", () => {
    expect(run({ steps: [read("platelets", 40, T0)], episode: ecmo }).transitions).toMatchObject([
      { ruleId: "platelets-low", seq: 1, observedAt: T0 },
    ]);
  });
});

describe("hysteresis", () => {
  it("raises a value hovering at its limit once, and clears it only back past limit + hysteresis", () => {
    // Drainage pressure below −100 mmHg, hysteresis 5: clears at −95 or above.
    const steps = series("ecmo_pven", T0, [...times(-105, 4), -99, -101, -97, -102, -96, -103, -98, -104, -96, -95]);
    const { transitions } = run({ steps, episode: ecmo });
    expect(story(transitions)).toEqual([
      "ecmo-drainage-pressure-low raised medium",
      "ecmo-drainage-pressure-low cleared",
    ]);
    expect(transitions[1]).toMatchObject({ value: -95, limit: -100, seq: 4, clearedBySeq: 14, latched: false });
  });

  it("does not flap a flow hovering around 2 L/min", () => {
    const steps = series("ecmo_flow", T0, [...times(1.9, 4), 2.02, 1.98, 2.05, 1.97, 2.09, 1.99, 2.04]);
    expect(story(run({ steps, episode: ecmo }).transitions)).toEqual(["ecmo-flow-low raised high"]);
  });
});

describe("latching", () => {
  const dip = series("ecmo_flow", T0, [...times(1.6, 4), 2.5]);

  it("keeps a latching alarm raised after its condition clears, until acknowledged", () => {
    const { state, transitions } = run({ steps: dip, episode: ecmo });
    expect(story(transitions)).toEqual(["ecmo-flow-low raised high", "ecmo-flow-low cleared (latched)"]);
    expect(transitions[1]).toMatchObject({ latched: true, seq: 4, clearedBySeq: 5 });
    expect(state.rules["ecmo-flow-low"]?.alarm).toMatchObject({ conditionActive: false, acknowledgedAt: null });

    const acknowledged = recordAcknowledgement({ state, ruleId: "ecmo-flow-low", at: T0 + MIN });
    expect(acknowledged.outcome).toBe("ended");
    expect(acknowledged.state.rules["ecmo-flow-low"]?.alarm).toBeNull();
    // A later dip is a new alarm.
    const again = run({
      steps: series("ecmo_flow", T0 + 2 * MIN, times(1.6, 4)),
      episode: ecmo,
      state: acknowledged.state,
      firstSeq: 10,
    });
    expect(again.transitions).toMatchObject([{ type: "raised", resumed: false, seq: 13 }]);
  });

  it("clears an alarm acknowledged while its condition held as soon as the condition clears", () => {
    const raised = run({ steps: series("ecmo_flow", T0, times(1.6, 4)), episode: ecmo });
    const { state, outcome } = recordAcknowledgement({ state: raised.state, ruleId: "ecmo-flow-low", at: T0 + 20 * S });
    expect(outcome).toBe("acknowledged");
    const cleared = run({ steps: [read("ecmo_flow", 2.5, T0 + 25 * S)], episode: ecmo, state, firstSeq: 5 });
    expect(cleared.transitions).toMatchObject([{ type: "cleared", latched: false }]);
    expect(cleared.state.rules["ecmo-flow-low"]?.alarm).toBeNull();
  });

  it("resumes a latched alarm whose condition comes back before anyone acknowledged it", () => {
    const steps = [...dip, ...series("ecmo_flow", T0 + MIN, times(1.7, 4))];
    const { transitions, state } = run({ steps, episode: ecmo });
    expect(story(transitions)).toEqual([
      "ecmo-flow-low raised high",
      "ecmo-flow-low cleared (latched)",
      "ecmo-flow-low raised high (resumed)",
    ]);
    expect(transitions[2]).toMatchObject({ seq: 9, conditionSince: T0 + MIN });
    expect(state.rules["ecmo-flow-low"]?.alarm).toMatchObject({ seq: 4, raisedAt: T0 + 15 * S, conditionActive: true });
  });

  it("leaves a non-latching alarm to clear on its own", () => {
    const steps = series("ecmo_pven", T0, [...times(-120, 4), -60]);
    expect(story(run({ steps, episode: ecmo }).transitions)).toEqual([
      "ecmo-drainage-pressure-low raised medium",
      "ecmo-drainage-pressure-low cleared",
    ]);
  });
});

describe("lactate, one family of two priorities", () => {
  it("lets the high alarm supersede the medium one, and hands back when lactate falls under 4", () => {
    const steps = [2.5, 4.6, 3.0, 1.5].map((v, i) => read("lactate", v, T0 + i * 4 * H));
    const rules = [ruleById("lactate-medium"), ruleById("lactate-high")];
    const { transitions } = run({ steps, episode: ecmo, rules });
    expect(story(transitions)).toEqual([
      "lactate-medium raised medium",
      "lactate-high raised high",
      "lactate-medium cleared by lactate-high",
      "lactate-high cleared",
      "lactate-medium raised medium",
      "lactate-medium cleared",
    ]);
    // The medium condition never stopped: its alarm says so when it takes over.
    expect(transitions[4]).toMatchObject({ conditionSince: T0, seq: 3 });
  });

  it("raises only the high alarm when the first lactate is already ≥ 4", () => {
    expect(story(run({ steps: [read("lactate", 6.2, T0)], episode: ecmo }).transitions)).toEqual([
      "lactate-high raised high",
    ]);
  });

  it("counts a rise of 0.5 however binary arithmetic rounds it (1.8 → 2.3)", () => {
    const { transitions } = run({ steps: [read("lactate", 1.8, T0), read("lactate", 2.3, T0 + 4 * H)], episode: ecmo });
    expect(transitions.find((t) => t.ruleId === "lactate-rising")).toMatchObject({
      type: "raised",
      value: 0.5,
      limit: 0.5,
      unit: "mmol/L",
    });
  });
});

describe("anti-Xa against the device's target", () => {
  it("judges 0.45 high on an IABP (0.3–0.4, French protocol) and in target on VA-ECMO (0.3–0.5, ELSO)", () => {
    const iabp = run({ steps: [read("anti_xa", 0.45, T0)], episode: episodeOf("IABP") }).transitions;
    expect(iabp).toMatchObject([
      { ruleId: "anti-xa-out-of-target", comparison: "gt", limit: 0.4, source: SOURCES.frenchIabp },
    ]);
    expect(run({ steps: [read("anti_xa", 0.45, T0)], episode: ecmo }).transitions).toEqual([]);
    // With both devices the ECMO governs.
    expect(run({ steps: [read("anti_xa", 0.45, T0)], episode: episodeOf("VA_ECMO_IABP") }).transitions).toEqual([]);
  });

  it("reports the low side when under target, and clears back inside", () => {
    const { transitions } = run({
      steps: [read("anti_xa", 0.2, T0), read("anti_xa", 0.35, T0 + 6 * H)],
      episode: ecmo,
    });
    expect(transitions).toMatchObject([
      { type: "raised", comparison: "lt", limit: 0.3, source: SOURCES.elso2021 },
      { type: "cleared", comparison: "lt", limit: 0.3, value: 0.35 },
    ]);
  });
});

describe("platelet fall from the post-heparin peak", () => {
  const counts = (values: readonly (readonly [number, number])[]): TStep[] =>
    values.map(([day, v]) => read("platelets", v, T0 + day * D));

  it("suggests a 4Ts screen, latched, and agrees with the bed's own platelet-fall computation", () => {
    const samples = [
      [0, 210],
      [1, 250],
      [2, 240],
      [5, 160],
      [6, 110],
      [7, 100],
    ] as const;
    const { transitions } = run({ steps: counts(samples), episode: ecmo });
    const raised = transitions.filter((t) => t.ruleId === "platelets-fall-from-peak");
    // Day 5: 160 is 36 % under 250, inside days 5–10 where > 30 % counts.
    expect(raised).toMatchObject([
      { type: "raised", prompt: "fourTsScreen", value: 36, limit: 30, unit: "%", observedAt: T0 + 5 * D },
    ]);
    expect(
      plateletFall(
        samples.slice(0, 4).map(([d, v]) => ({ t: T0 + d * D, v })),
        T0,
      )?.screen,
    ).toBe("fall30days5to10");
    expect(ruleById("platelets-fall-from-peak").latching).toBe(true);
  });

  it("does not count a 35 % fall before day 5, nor a peak measured before heparin started", () => {
    expect(
      story(
        run({
          steps: counts([
            [0, 200],
            [3, 130],
          ]),
          episode: ecmo,
        }).transitions,
        "platelets-fall-from-peak",
      ),
    ).toEqual([]);
    const beforeHeparin = episodeOf("VA_ECMO", { heparinStartedAt: T0 + D });
    // 400 the day before heparin, then 210 → 150 (29 %): no screen.
    const steps = counts([
      [0, 400],
      [1, 210],
      [3, 150],
    ]);
    expect(story(run({ steps, episode: beforeHeparin }).transitions, "platelets-fall-from-peak")).toEqual([]);
    expect(story(run({ steps, episode: ecmo }).transitions, "platelets-fall-from-peak")).toEqual(["raised medium"]);
  });
});

describe("limb NIRS difference", () => {
  it("compares the two legs only while both probes are live", () => {
    // The right probe falls silent at 52; the left reads 75 for a minute afterwards.
    const steps = [read("nirs_right", 52, T0), ...series("nirs_left", T0 + 20 * S, times(75, 12))];
    expect(story(run({ steps, episode: ecmo }).transitions, "nirs-difference")).toEqual([]);
  });

  it("raises on the absolute difference in points, whichever leg is lower", () => {
    const steps = ticks(
      T0,
      times(0, 4).map(
        () =>
          [
            ["nirs_left", 48],
            ["nirs_right", 70],
          ] as const,
      ),
    );
    const { transitions } = run({ steps, episode: ecmo });
    expect(transitions.find((t) => t.ruleId === "nirs-difference")).toMatchObject({ value: 22, limit: 20, unit: "%" });
    // The left leg below 50 % is its own alarm.
    expect(story(transitions)).toContain("nirs-left-low raised medium");
  });
});

describe("ΔP/flow against the episode's baseline", () => {
  const baseline = ticks(
    T0,
    times(0, 24).map(
      () =>
        [
          ["ecmo_dp", 20],
          ["ecmo_flow", 4],
        ] as const,
    ),
    H,
  );

  it("does not judge before the first 24 h baseline is complete", () => {
    const steps = [
      ...baseline.slice(0, 24),
      ...ticks(
        T0 + 12 * H + MIN,
        times(0, 8).map(
          () =>
            [
              ["ecmo_dp", 40],
              ["ecmo_flow", 4],
            ] as const,
        ),
      ),
    ];
    expect(story(run({ steps, episode: ecmo }).transitions, "ecmo-dp-flow-rise")).toEqual([]);
  });

  it("takes the ratio of the means, so a moment of low flow in the baseline does not blow it up", () => {
    // One hour at ΔP 10 over 1 L/min (ratio 10) among ΔP 20 over 4: means 19.6 / 3.9 ≈ 5.03, not a mean ratio of 5.2.
    const steps = [
      ...baseline.slice(0, 2 * 23),
      read("ecmo_dp", 10, T0 + 23 * H),
      read("ecmo_flow", 1, T0 + 23 * H),
      ...ticks(
        T0 + 24 * H,
        times(0, 4).map(
          () =>
            [
              ["ecmo_dp", 26.3],
              ["ecmo_flow", 4],
            ] as const,
        ),
      ),
    ];
    const { transitions, state } = run({ steps, episode: ecmo });
    expect(state.rules["ecmo-dp-flow-rise"]?.baseline).toMatchObject({ from: T0, firstCount: 24, secondCount: 24 });
    // 6.575 against 19.583 / 3.875 = 5.054: +30.1 %.
    expect(transitions.find((t) => t.ruleId === "ecmo-dp-flow-rise")?.value).toBeCloseTo(30.1, 1);
  });
});

describe("ECMO flow falling at unchanged pump speed", () => {
  const steady = ticks(
    T0,
    times(0, 13).map(
      () =>
        [
          ["ecmo_rpm", 3200],
          ["ecmo_flow", 4.0],
        ] as const,
    ),
  );

  it("does not raise when the speed was turned down and the flow followed it", () => {
    const steps = [
      ...steady,
      ...ticks(
        T0 + 65 * S,
        times(0, 20).map(
          () =>
            [
              ["ecmo_rpm", 2600],
              ["ecmo_flow", 3.0],
            ] as const,
        ),
      ),
    ];
    expect(story(run({ steps, episode: ecmo }).transitions, "ecmo-flow-falling")).toEqual([]);
  });

  it("clears when the speed changes: the fall is no longer at unchanged speed", () => {
    const steps = [
      ...steady,
      ...ticks(
        T0 + 65 * S,
        times(0, 4).map(
          () =>
            [
              ["ecmo_rpm", 3200],
              ["ecmo_flow", 3.1],
            ] as const,
        ),
      ),
      ...ticks(
        T0 + 85 * S,
        times(0, 2).map(
          () =>
            [
              ["ecmo_rpm", 3600],
              ["ecmo_flow", 3.6],
            ] as const,
        ),
      ),
    ];
    expect(story(run({ steps, episode: ecmo }).transitions, "ecmo-flow-falling")).toEqual(["raised medium", "cleared"]);
  });
});

describe("IABP helium", () => {
  it("measures a fall from the refilled level, not from before the refill", () => {
    // 30 % refilled to 90 %, then a leak of 6 %/h from 20 min: 3 points gone at 50 min, confirmed on the next reading.
    const values = [...times(30, 10), ...times(90, 10), ...Array.from({ length: 40 }, (_, i) => 90 - 0.1 * i)];
    const { transitions } = run({ steps: series("helium_level", T0, values, MIN), episode: episodeOf("IABP") });
    expect(transitions.filter((t) => t.ruleId === "helium-falling")).toMatchObject([
      { type: "raised", conditionSince: T0 + 50 * MIN, value: 3.1, limit: 3, observedAt: T0 + 51 * MIN },
    ]);
  });

  it("is not judged on a VA-ECMO patient", () => {
    expect(run({ steps: series("helium_level", T0, times(5, 6)), episode: ecmo }).transitions).toEqual([]);
  });
});

describe("the evaluation itself", () => {
  it("leaves the state it was given untouched, and returns one that survives storage", () => {
    const state = emptyAlarmState();
    const before = JSON.stringify(state);
    const first = run({ steps: series("ecmo_flow", T0, times(1.8, 2)), episode: ecmo, state });
    expect(JSON.stringify(state)).toBe(before);
    // Resuming from the stored state gives what one uninterrupted evaluation gives.
    const stored = ZAlarmState.parse(JSON.parse(JSON.stringify(first.state)));
    const resumed = run({
      steps: series("ecmo_flow", T0 + 10 * S, times(1.8, 2)),
      episode: ecmo,
      state: stored,
      firstSeq: 3,
    });
    const whole = run({ steps: series("ecmo_flow", T0, times(1.8, 4)), episode: ecmo });
    expect(resumed.transitions).toEqual(whole.transitions);
    expect(resumed.state).toEqual(whole.state);
  });

  it("orders the readings of a batch by time, and never makes a reading older than the newest known the current one", () => {
    const readings = [
      { seq: 3, parameter: "lactate", value: 1.0, observedAt: T0 + 8 * H },
      { seq: 2, parameter: "lactate", value: 5.0, observedAt: T0 },
      { seq: 4, parameter: "not_a_code", value: 1, observedAt: T0 },
    ];
    const { state, transitions } = evaluateAlarms({
      rules: [ruleById("lactate-high")],
      state: emptyAlarmState(),
      episode: ecmo,
      readings,
      now: T0 + 8 * H,
    });
    expect(story(transitions)).toEqual(["lactate-high raised high", "lactate-high cleared"]);
    const late = evaluateAlarms({
      rules: [ruleById("lactate-high")],
      state,
      episode: ecmo,
      readings: [{ seq: 5, parameter: "lactate", value: 6, observedAt: T0 + H }],
      now: T0 + 9 * H,
    });
    // Judged for the record (judge-late-reading.test.ts): raised at its own time, ended by the newer value.
    expect(story(late.transitions)).toEqual(["lactate-high raised high", "lactate-high cleared"]);
    expect(late.state.latest.lactate).toEqual({ seq: 3, value: 1.0, observedAt: T0 + 8 * H });
  });
});
