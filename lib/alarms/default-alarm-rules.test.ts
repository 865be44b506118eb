import { describe, expect, it } from "vitest";
import { defaultTarget, getParameter, parametersFor, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { ruleInputs } from "./rule-inputs";
import { ZAlarmRuleSet } from "./rule-schema";
import { D, H, MIN, read, ruleById, run, S, series, story, T0, tick, ticks, times, type TStep } from "./testing";

interface TCase {
  readonly deviceType: TDeviceType;
  /** Must raise the rule, at its priority. */
  readonly raises: readonly TStep[];
  /** Must not raise it: just short of the limit, or a spike shorter than the validation delay. */
  readonly silent: readonly TStep[];
  readonly silentBecause: string;
  /** The patient's weight on file, for the per-kg rules. */
  readonly weightKg?: number;
}

const lab = (parameter: TParameterCode, values: readonly number[], hoursApart = 4): TStep[] =>
  values.map((value, i) => read(parameter, value, T0 + H + i * hoursApart * H));

/** Holds at the limit for 30 s, then crosses it for 10 s (three readings): never 15 s over. */
const device = (parameter: TParameterCode, atLimit: number, spike: number, back: number): TStep[] =>
  series(parameter, T0 + H, [...times(atLimit, 6), ...times(spike, 3), back]);

const overdue = (
  parameter: TParameterCode,
  value: number,
  intervalMs: number,
  deviceType: TDeviceType = "VA_ECMO",
): TCase => ({
  deviceType,
  raises: [read(parameter, value, T0), tick(T0 + intervalMs + 1)],
  silent: [read(parameter, value, T0), tick(T0 + intervalMs)],
  silentBecause: "exactly its interval old",
});

const CASES: Record<string, TCase> = {
  "lactate-medium": {
    deviceType: "VA_ECMO",
    raises: lab("lactate", [2.0]),
    silent: lab("lactate", [1.9]),
    silentBecause: "1.9 is under 2",
  },
  "lactate-high": {
    deviceType: "VA_ECMO",
    raises: lab("lactate", [4.0]),
    silent: lab("lactate", [3.9]),
    silentBecause: "3.9 is under 4",
  },
  "lactate-rising": {
    deviceType: "IABP",
    raises: lab("lactate", [1.0, 1.5]),
    silent: lab("lactate", [1.0, 1.4]),
    silentBecause: "a rise of 0.4 is under 0.5",
  },
  "anti-xa-out-of-target": {
    deviceType: "VA_ECMO",
    raises: lab("anti_xa", [0.4, 0.51]),
    silent: lab("anti_xa", [0.3, 0.5]),
    silentBecause: "0.30 and 0.50 are the ECMO target's own limits",
  },
  "platelets-low": {
    deviceType: "VA_ECMO",
    raises: lab("platelets", [49]),
    silent: lab("platelets", [50]),
    silentBecause: "50 is not under 50",
  },
  "platelets-fall-from-peak": {
    deviceType: "IABP",
    raises: [read("platelets", 200, T0 + H), read("platelets", 250, T0 + D), read("platelets", 120, T0 + 3 * D)],
    silent: [read("platelets", 200, T0 + H), read("platelets", 250, T0 + D), read("platelets", 125, T0 + 3 * D)],
    silentBecause: "250 → 125 on day 3 is exactly 50 %, not more",
  },
  "nirs-left-low": {
    deviceType: "VA_ECMO",
    raises: series("nirs_left", T0 + H, times(49, 4)),
    silent: device("nirs_left", 50, 45, 58),
    silentBecause: "50 is not under 50, and 45 lasts 10 s",
  },
  "nirs-right-low": {
    deviceType: "IABP",
    raises: series("nirs_right", T0 + H, times(49, 4)),
    silent: device("nirs_right", 50, 45, 58),
    silentBecause: "50 is not under 50, and 45 lasts 10 s",
  },
  "nirs-difference": {
    deviceType: "VA_ECMO",
    raises: ticks(
      T0 + H,
      times(0, 4).map(
        () =>
          [
            ["nirs_left", 72],
            ["nirs_right", 52],
          ] as const,
      ),
    ),
    silent: ticks(T0 + H, [
      ...times(0, 6).map(
        () =>
          [
            ["nirs_left", 71],
            ["nirs_right", 52],
          ] as const,
      ),
      ...times(0, 3).map(
        () =>
          [
            ["nirs_left", 78],
            ["nirs_right", 52],
          ] as const,
      ),
      [
        ["nirs_left", 70],
        ["nirs_right", 52],
      ] as const,
    ]),
    silentBecause: "19 points is under 20, and 26 lasts 10 s",
  },
  "ecmo-flow-low": {
    deviceType: "VA_ECMO",
    raises: series("ecmo_flow", T0 + H, times(1.99, 4)),
    silent: device("ecmo_flow", 2.0, 1.5, 2.4),
    silentBecause: "2.00 is not under 2, and 1.5 lasts 10 s",
  },
  "ecmo-flow-falling": {
    deviceType: "VA_ECMO_IABP",
    // 4.0 L/min at a steady 3200 /min, then 3.2 (−20 %) at the same speed.
    raises: ticks(T0 + H, [
      ...times(0, 13).map(
        () =>
          [
            ["ecmo_rpm", 3200],
            ["ecmo_flow", 4.0],
          ] as const,
      ),
      ...times(0, 4).map(
        () =>
          [
            ["ecmo_rpm", 3204],
            ["ecmo_flow", 3.2],
          ] as const,
      ),
    ]),
    silent: ticks(T0 + H, [
      ...times(0, 13).map(
        () =>
          [
            ["ecmo_rpm", 3200],
            ["ecmo_flow", 4.0],
          ] as const,
      ),
      ...times(0, 8).map(
        () =>
          [
            ["ecmo_rpm", 3196],
            ["ecmo_flow", 3.24],
          ] as const,
      ),
      ...times(0, 3).map(
        () =>
          [
            ["ecmo_rpm", 3200],
            ["ecmo_flow", 2.9],
          ] as const,
      ),
      [
        ["ecmo_rpm", 3200],
        ["ecmo_flow", 4.0],
      ] as const,
    ]),
    silentBecause: "−19 % is under 20 %, and −27.5 % lasts 10 s",
  },
  "ecmo-drainage-pressure-low": {
    deviceType: "VA_ECMO",
    raises: series("ecmo_pven", T0 + H, times(-101, 4)),
    silent: device("ecmo_pven", -100, -130, -60),
    silentBecause: "−100 is not below −100, and −130 lasts 10 s",
  },
  "ecmo-dp-flow-rise": {
    deviceType: "VA_ECMO",
    // Baseline: ΔP 20 over 4 L/min (5 mmHg per L/min) through the first 24 h; then 26 / 4 = 6.5, +30 %.
    raises: [
      ...ticks(
        T0,
        times(0, 24).map(
          () =>
            [
              ["ecmo_dp", 20],
              ["ecmo_flow", 4],
            ] as const,
        ),
        H,
      ),
      ...ticks(
        T0 + 24 * H,
        times(0, 4).map(
          () =>
            [
              ["ecmo_dp", 26],
              ["ecmo_flow", 4],
            ] as const,
        ),
      ),
    ],
    silent: [
      ...ticks(
        T0,
        times(0, 24).map(
          () =>
            [
              ["ecmo_dp", 20],
              ["ecmo_flow", 4],
            ] as const,
        ),
        H,
      ),
      ...ticks(T0 + 24 * H, [
        ...times(0, 6).map(
          () =>
            [
              ["ecmo_dp", 25.9],
              ["ecmo_flow", 4],
            ] as const,
        ),
        ...times(0, 3).map(
          () =>
            [
              ["ecmo_dp", 40],
              ["ecmo_flow", 4],
            ] as const,
        ),
        [
          ["ecmo_dp", 21],
          ["ecmo_flow", 4],
        ] as const,
      ]),
    ],
    silentBecause: "+29.5 % is under 30 %, and +100 % lasts 10 s",
  },
  "helium-low": {
    deviceType: "IABP",
    // One reading is enough: a nurse charts the level once an hour in a round.
    raises: [read("helium_level", 19, T0 + H)],
    silent: series("helium_level", T0 + H, times(20, 6)),
    silentBecause: "20 is not under 20",
  },
  "anti-xa-hold-heparin": {
    deviceType: "IABP",
    raises: lab("anti_xa", [0.71]),
    silent: lab("anti_xa", [0.7]),
    silentBecause: "0.70 is ELSO's limit itself, not above it",
  },
  "hemoglobin-low": {
    deviceType: "VA_ECMO",
    raises: lab("hemoglobin", [6.9]),
    silent: lab("hemoglobin", [7.0]),
    silentBecause: "7.0 is not under 7",
  },
  "fibrinogen-low": {
    deviceType: "VA_ECMO_IABP",
    raises: lab("fibrinogen", [1.4]),
    silent: lab("fibrinogen", [1.5]),
    silentBecause: "1.5 is not under 1.5",
  },
  "free-hb-high": {
    deviceType: "VA_ECMO",
    raises: lab("free_hb", [51]),
    silent: lab("free_hb", [50]),
    silentBecause: "50 mg/dL is not above 50",
  },
  "ldh-rising": {
    deviceType: "VA_ECMO",
    raises: lab("ldh", [900, 1100]),
    silent: lab("ldh", [1300, 1100]),
    silentBecause: "above 1000 but falling",
  },
  "urine-output-low": {
    deviceType: "IABP",
    weightKg: 70,
    // 30 mL/h for 70 kg is 0.43 mL/kg/h over the two hours charted.
    raises: lab("urine_output", [30, 30], 1),
    silent: lab("urine_output", [35, 35], 1),
    silentBecause: "35 mL/h for 70 kg is 0.5 mL/kg/h, not under it",
  },
  "dpc-flow-low": {
    deviceType: "VA_ECMO",
    raises: series("dpc_flow", T0 + H, [99], H),
    silent: series("dpc_flow", T0 + H, [150, 100], H),
    silentBecause: "100 mL/min is not under 100",
  },
  "helium-falling": {
    deviceType: "IABP",
    // A leak of 6 %/h, read every minute: 3 points gone after 30 min.
    raises: series(
      "helium_level",
      T0 + H,
      Array.from({ length: 40 }, (_, i) => 80 - 0.1 * i),
      MIN,
    ),
    // A console's own use (0.15 %/h) for 10 h, refilled at 5 h.
    silent: series(
      "helium_level",
      T0 + H,
      Array.from({ length: 600 }, (_, i) => (i < 300 ? 40 : 95) - 0.0025 * i),
      MIN,
    ),
    silentBecause: "0.15 point an hour is far under 3 in an hour, and a refill is a rise",
  },
  "anti-xa-overdue": {
    deviceType: "IABP",
    raises: [read("anti_xa", 0.35, T0 + H), tick(T0 + 13 * H + 1)],
    silent: [read("anti_xa", 0.35, T0 + H), tick(T0 + 13 * H)],
    silentBecause: "exactly 12 h old",
  },
  "lactate-overdue": overdue("lactate", 1.5, 8 * H),
  "platelets-overdue": overdue("platelets", 200, D, "IABP"),
  "hemoglobin-overdue": overdue("hemoglobin", 9.5, D),
  "fibrinogen-overdue": overdue("fibrinogen", 3, D),
  "ldh-overdue": overdue("ldh", 400, D, "VA_ECMO_IABP"),
  "device-feed-stale": {
    deviceType: "VA_ECMO",
    raises: [read("map", 70, T0 + MIN), tick(T0 + MIN + 15 * S + 1)],
    silent: [read("map", 70, T0 + MIN), tick(T0 + MIN + 15 * S)],
    silentBecause: "exactly 3 × 5 s old",
  },
  "iabp-pump-stopped": {
    deviceType: "IABP",
    raises: [read("iabp_pumping", 1, T0), read("iabp_pumping", 0, T0 + MIN), tick(T0 + 21 * MIN + 1)],
    silent: [read("iabp_pumping", 1, T0), read("iabp_pumping", 0, T0 + MIN), tick(T0 + 21 * MIN)],
    silentBecause: "stopped exactly 20 min",
  },
};

describe("every default rule", () => {
  it("has a raising and a silent sequence here", () => {
    expect(Object.keys(CASES).sort()).toEqual(DEFAULT_ALARM_RULES.map((r) => r.id).sort());
  });

  for (const rule of DEFAULT_ALARM_RULES) {
    const c = CASES[rule.id];
    if (!c) continue;
    const episode = { deviceType: c.deviceType, startedAt: T0, ...(c.weightKg ? { weightKg: c.weightKg } : {}) };

    it(`${rule.id} raises at ${rule.priority} priority`, () => {
      const { transitions } = run({ steps: c.raises, episode });
      expect(story(transitions, rule.id)).toEqual([`raised ${rule.priority}`]);
    });

    it(`${rule.id} stays silent: ${c.silentBecause}`, () => {
      const { transitions } = run({ steps: c.silent, episode });
      expect(story(transitions, rule.id)).toEqual([]);
    });
  }
});

describe("the default rules as data", () => {
  it("parse as a rule set: unique ids, one priority per family", () => {
    expect(ZAlarmRuleSet.safeParse(DEFAULT_ALARM_RULES).success).toBe(true);
    expect(ZAlarmRuleSet.safeParse([...DEFAULT_ALARM_RULES, ruleById("lactate-high")]).success).toBe(false);
    expect(
      ZAlarmRuleSet.safeParse([{ ...ruleById("lactate-high"), id: "lactate-high-2" }, ruleById("lactate-high")])
        .success,
    ).toBe(false);
  });

  it("judge only parameters the catalogue measures on each device type they apply to", () => {
    for (const rule of DEFAULT_ALARM_RULES) {
      for (const deviceType of rule.deviceTypes) {
        const measured = new Set(parametersFor(deviceType).map((p) => p.code));
        for (const code of ruleInputs(rule, deviceType))
          expect(measured.has(code), `${rule.id} on ${deviceType}: ${code}`).toBe(true);
      }
    }
  });

  it("delay continuous device values, never lab results or hourly charted values", () => {
    for (const rule of DEFAULT_ALARM_RULES) {
      if (rule.kind !== "threshold" && rule.kind !== "trend") continue;
      const parameter = getParameter(rule.parameter);
      // The helium reserve is a console's value that nurses also chart hourly in a round (lib/rounds).
      const charted = rule.kind === "threshold" && rule.parameter === "helium_level";
      const sampled = parameter.sourceKind === "lab" || parameter.expectedIntervalSec >= H / 1000 || charted;
      expect(rule.validationDelayMs > 0, rule.id).toBe(!sampled);
    }
  });

  it("put their fixed limits where the catalogue's targets are", () => {
    for (const rule of DEFAULT_ALARM_RULES) {
      if (rule.kind !== "threshold" || rule.limit.comparison === "outsideTarget") continue;
      const target = defaultTarget(rule.parameter, rule.deviceTypes[0] ?? "VA_ECMO");
      // Lactate's target ends where its first level starts; anti-Xa's hold level is ELSO's, above the target band.
      if (!target || rule.family === "lactate" || rule.id === "anti-xa-hold-heparin") continue;
      const catalogueLimit =
        rule.limit.comparison === "lt" || rule.limit.comparison === "lte" ? target.low : target.high;
      expect(rule.limit.value, rule.id).toBe(catalogueLimit);
    }
    expect(ruleById("lactate-medium")).toMatchObject({ limit: { value: defaultTarget("lactate", "VA_ECMO")?.high } });
  });

  it("cite a source for every rule", () => {
    for (const rule of DEFAULT_ALARM_RULES) expect(rule.source.citation.length, rule.id).toBeGreaterThan(10);
  });
});
