import { describe, expect, it } from "vitest";
import type { TReadingInput } from "@/lib/observations/reading";
import { simulateDays, TEST_START, valuesOf } from "@/test/support/simulate-episode";
import { HEPARIN_INCREASE_AT } from "./anti-xa-drift";
import { HOUR } from "./curves";
import { HIT_FROM } from "./hit-platelets";

const hoursIn = (r: TReadingInput) => (r.observedAt.getTime() - TEST_START.getTime()) / HOUR;
const firstWhere = (readings: TReadingInput[], test: (r: TReadingInput) => boolean) => readings.find(test);

describe("scenario signatures", () => {
  it("stable_va_ecmo stays in target: lactate cleared below 2 after the first day, MAP ≥ 60", () => {
    const readings = simulateDays("stable_va_ecmo", 4);
    expect(
      valuesOf(readings, "lactate")
        .filter((r) => hoursIn(r) > 24)
        .every((r) => r.value < 2),
    ).toBe(true);
    expect(valuesOf(readings, "map").every((r) => r.value >= 60)).toBe(true);
    expect(
      valuesOf(readings, "anti_xa")
        .filter((r) => hoursIn(r) > 12)
        .every((r) => r.value >= 0.3 && r.value <= 0.5),
    ).toBe(true);
  });

  it("rising_lactate climbs past 2 then past 4 mmol/L after a nadir, while MAP drifts below 65", () => {
    const readings = simulateDays("rising_lactate", 3);
    const lactate = valuesOf(readings, "lactate");
    const nadir = Math.min(...lactate.filter((r) => hoursIn(r) < 24).map((r) => r.value));
    expect(nadir).toBeLessThan(2);
    const past2 = firstWhere(lactate, (r) => hoursIn(r) > 18 && r.value >= 2);
    const past4 = firstWhere(lactate, (r) => r.value >= 4 && hoursIn(r) > 18);
    expect(past2 && past4 && hoursIn(past2) < hoursIn(past4)).toBe(true);
    expect(hoursIn(past4 as TReadingInput)).toBeLessThan(36);
    const lateMap = valuesOf(readings, "map")
      .filter((r) => hoursIn(r) > 40)
      .map((r) => r.value);
    expect(lateMap.reduce((a, b) => a + b, 0) / lateMap.length).toBeLessThan(65);
  });

  it("anti_xa_drift leaves 0.3–0.5 IU/mL at the control 6 h after the heparin change", () => {
    const antiXa = valuesOf(simulateDays("anti_xa_drift", 3), "anti_xa");
    const control = antiXa.find(
      (r) => r.observedAt.getTime() === TEST_START.getTime() + HEPARIN_INCREASE_AT + 6 * HOUR,
    );
    expect(control?.value).toBeGreaterThan(0.5);
    expect(antiXa.filter((r) => hoursIn(r) > 12 && hoursIn(r) < 26).every((r) => r.value <= 0.5)).toBe(true);
  });

  it("hit_platelets falls more than 50 % below the post-heparin peak from day 5", () => {
    const platelets = valuesOf(simulateDays("hit_platelets", 8), "platelets");
    const peak = Math.max(
      ...platelets.filter((r) => r.observedAt.getTime() < TEST_START.getTime() + HIT_FROM).map((r) => r.value),
    );
    const later = platelets.filter((r) => r.observedAt.getTime() >= TEST_START.getTime() + HIT_FROM);
    expect(Math.min(...later.map((r) => r.value))).toBeLessThan(peak * 0.5);
    // Before day 5 the count only dips and recovers: nothing that looks like HIT.
    const early = platelets.filter((r) => r.observedAt.getTime() < TEST_START.getTime() + HIT_FROM).map((r) => r.value);
    expect(Math.min(...early)).toBeGreaterThan(peak * 0.6);
  });

  it("iabp_helium_leak loses helium without refill, then the console stops pumping and augments nothing", () => {
    const readings = simulateDays("iabp_helium_leak", 2);
    const helium = valuesOf(readings, "helium_level").map((r) => r.value);
    expect(helium.every((v, i) => i === 0 || v <= (helium[i - 1] ?? v))).toBe(true);
    expect(Math.min(...helium)).toBeLessThan(20);
    const stop = firstWhere(valuesOf(readings, "iabp_pumping"), (r) => r.value === 0);
    expect(stop).toBeDefined();
    const stopAt = stop?.observedAt.getTime() ?? 0;
    expect(
      valuesOf(readings, "iabp_pumping")
        .filter((r) => r.observedAt.getTime() > stopAt)
        .every((r) => r.value === 0),
    ).toBe(true);
    expect(valuesOf(readings, "iabp_aug").some((r) => r.observedAt.getTime() >= stopAt)).toBe(false);
  });

  it.each([
    ["femoral right", "nirs_right", "nirs_left"],
    ["femoral left", "nirs_left", "nirs_right"],
  ] as const)(
    "limb_ischaemia cannulated at %s: that leg's NIRS falls below 50 %%, ≥ 20 points under the other",
    (site, cannulated, other) => {
      const readings = simulateDays("limb_ischaemia", 2, { cannulationSite: site });
      const otherAt = new Map(valuesOf(readings, other).map((r) => [r.observedAt.getTime(), r.value]));
      const ischaemic = valuesOf(readings, cannulated).filter(
        (r) => r.value < 50 && (otherAt.get(r.observedAt.getTime()) ?? 0) - r.value >= 20,
      );
      expect(ischaemic.length).toBeGreaterThan(0);
      expect(hoursIn(ischaemic[0] as TReadingInput)).toBeLessThan(30);
      expect(valuesOf(readings, other).every((r) => r.value > 60)).toBe(true);
      expect(Math.min(...valuesOf(readings, "dpc_flow").map((r) => r.value))).toBeLessThan(100);
    },
  );

  it("oxygenator_thrombosis raises ΔP/flow ≥ 30 % over the first day's baseline, and LDH past 1000", () => {
    const readings = simulateDays("oxygenator_thrombosis", 4);
    const flowAt = new Map(valuesOf(readings, "ecmo_flow").map((r) => [r.observedAt.getTime(), r.value]));
    const ratio = (from: number, to: number) => {
      const dp = valuesOf(readings, "ecmo_dp").filter((r) => hoursIn(r) >= from && hoursIn(r) < to);
      return dp.reduce((sum, r) => sum + r.value / (flowAt.get(r.observedAt.getTime()) ?? NaN), 0) / dp.length;
    };
    expect(ratio(60, 72)).toBeGreaterThan(1.3 * ratio(0, 24));
    expect(Math.max(...valuesOf(readings, "ldh").map((r) => r.value))).toBeGreaterThan(1000);
  });

  it("iabp_weaning steps the ratio 1:1 → 1:2 → 1:4 and keeps pumping", () => {
    const readings = simulateDays("iabp_weaning", 3);
    const ratios = valuesOf(readings, "iabp_ratio").map((r) => r.value);
    const steps = ratios.filter((v, i) => i === 0 || v !== ratios[i - 1]);
    expect(steps).toEqual([1, 2, 4]);
    expect(valuesOf(readings, "iabp_pumping").every((r) => r.value === 1)).toBe(true);
  });
});
