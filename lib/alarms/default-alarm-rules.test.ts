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

/** A lab rule: the values that raise it, the values just short of it. */
const labCase = (
  deviceType: TDeviceType,
  parameter: TParameterCode,
  raises: readonly number[],
  silent: readonly number[],
  silentBecause: string,
): TCase => ({ deviceType, raises: lab(parameter, raises), silent: lab(parameter, silent), silentBecause });

/** A device rule: 20 s beyond its limit raises it; at the limit, then a 10 s spike, does not. */
const deviceCase = (
  deviceType: TDeviceType,
  parameter: TParameterCode,
  beyond: number,
  [atLimit, spike, back]: readonly [number, number, number],
  silentBecause: string,
): TCase => ({
  deviceType,
  raises: series(parameter, T0 + H, times(beyond, 4)),
  silent: device(parameter, atLimit, spike, back),
  silentBecause,
});

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
  "lactate-medium": labCase("VA_ECMO", "lactate", [2.0], [1.9], "1.9 is under 2"),
  "lactate-high": labCase("VA_ECMO", "lactate", [4.0], [3.9], "3.9 is under 4"),
  "lactate-rising": labCase("IABP", "lactate", [1.0, 1.5], [1.0, 1.4], "a rise of 0.4 is under 0.5"),
  "anti-xa-out-of-target": labCase(
    "VA_ECMO",
    "anti_xa",
    [0.4, 0.51],
    [0.3, 0.5],
    "0.30 and 0.50 are the ECMO target's own limits",
  ),
  "platelets-low": labCase("VA_ECMO", "platelets", [49], [50], "50 is not under 50"),
  "platelets-fall-from-peak": {
    deviceType: "IABP",
    raises: [read("platelets", 200, T0 + H), read("platelets", 250, T0 + D), read("platelets", 120, T0 + 3 * D)],
    silent: [read("platelets", 200, T0 + H), read("platelets", 250, T0 + D), read("platelets", 125, T0 + 3 * D)],
    silentBecause: "250 → 125 on day 3 is exactly 50 %, not more",
  },
  "nirs-left-low": deviceCase("VA_ECMO", "nirs_left", 49, [50, 45, 58], "50 is not under 50, and 45 lasts 10 s"),
  "nirs-right-low": deviceCase("IABP", "nirs_right", 49, [50, 45, 58], "50 is not under 50, and 45 lasts 10 s"),
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
  "ecmo-flow-low": deviceCase("VA_ECMO", "ecmo_flow", 1.99, [2.0, 1.5, 2.4], "2.00 is not under 2, and 1.5 lasts 10 s"),
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
  "anti-xa-hold-heparin": labCase("IABP", "anti_xa", [0.71], [0.7], "0.70 is ELSO's limit itself, not above it"),
  "hemoglobin-low": labCase("VA_ECMO", "hemoglobin", [6.9], [7.0], "7.0 is not under 7"),
  "fibrinogen-low": labCase("VA_ECMO_IABP", "fibrinogen", [1.4], [1.5], "1.5 is not under 1.5"),
  "free-hb-high": labCase("VA_ECMO", "free_hb", [51], [50], "50 mg/dL is not above 50"),
  "ldh-rising": labCase("VA_ECMO", "ldh", [900, 1100], [1300, 1100], "above 1000 but falling"),
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

  const table = DEFAULT_ALARM_RULES.flatMap((rule) => {
    const c = CASES[rule.id];
    return c ? [{ rule, c, because: c.silentBecause }] : [];
  });
  const episodeOf = (c: TCase) => ({
    deviceType: c.deviceType,
    startedAt: T0,
    ...(c.weightKg ? { weightKg: c.weightKg } : {}),
  });

  it.each(table)("$rule.id raises at $rule.priority priority", ({ rule, c }) => {
    expect(story(run({ steps: c.raises, episode: episodeOf(c) }).transitions, rule.id)).toEqual([
      `raised ${rule.priority}`,
    ]);
  });

  it.each(table)("$rule.id stays silent: $because", ({ rule, c }) => {
    expect(story(run({ steps: c.silent, episode: episodeOf(c) }).transitions, rule.id)).toEqual([]);
  });
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
