import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  CLINICAL_LIMITS,
  PARAMETER_CODES,
  SETTING_CODES,
  defaultTarget,
  getParameter,
  isSettingCode,
  parametersFor,
  targetStatus,
} from "./index";

describe("parameter catalogue", () => {
  it("holds exactly one entry for every parameter code", () => {
    expect(CATALOGUE.map((p) => p.code).sort()).toEqual([...PARAMETER_CODES].sort());
  });

  it("gives every parameter an English and a French label, a unit, a positive interval and an ordered range", () => {
    for (const p of CATALOGUE) {
      expect(p.label.en && p.label.fr && p.short.en && p.short.fr, p.code).toBeTruthy();
      expect(p.unit.length, p.code).toBeGreaterThan(0);
      expect(p.expectedIntervalSec, p.code).toBeGreaterThan(0);
      expect(p.plausible.min, p.code).toBeLessThan(p.plausible.max);
      for (const target of Object.values(p.targets)) {
        expect(target.source.citation.length, p.code).toBeGreaterThan(10);
        if (target.low !== undefined) expect(target.low).toBeGreaterThanOrEqual(p.plausible.min);
        if (target.high !== undefined) expect(target.high).toBeLessThanOrEqual(p.plausible.max);
      }
    }
  });

  it("uses the LOINC codes of the clinical reference for the labs and the monitor", () => {
    expect(getParameter("lactate").loinc).toEqual(["2518-9", "32693-4", "2524-7"]);
    expect(getParameter("platelets").loinc).toContain("777-3");
    expect(getParameter("hemoglobin").loinc).toContain("718-7");
    expect(getParameter("map").loinc).toEqual(["8478-0"]);
  });

  it("applies the device's anti-Xa target: 0.3–0.5 on VA-ECMO (ELSO), 0.3–0.4 on IABP (French protocol)", () => {
    expect(defaultTarget("anti_xa", "VA_ECMO")).toMatchObject({ low: 0.3, high: 0.5, source: { id: "elso2021" } });
    expect(defaultTarget("anti_xa", "IABP")).toMatchObject({ low: 0.3, high: 0.4, source: { id: "frenchIabp" } });
    // A patient on both is governed by the ECMO target.
    expect(defaultTarget("anti_xa", "VA_ECMO_IABP")).toMatchObject({ high: 0.5 });
  });

  it("judges limits as the clinical reference writes them: lactate < 2 is in target, 2 is not; flow must be > 2", () => {
    const lactate = defaultTarget("lactate", "VA_ECMO");
    expect(targetStatus(1.9, lactate)).toBe("in");
    expect(targetStatus(2, lactate)).toBe("high");
    const flow = defaultTarget("ecmo_flow", "VA_ECMO");
    expect(targetStatus(2, flow)).toBe("low");
    expect(targetStatus(2.1, flow)).toBe("in");
    expect(targetStatus(42, undefined)).toBe("none");
  });

  it("lists device parameters by support: helium for IABP only, ECMO flow for VA-ECMO only, both on VA_ECMO_IABP", () => {
    const codes = (d: Parameters<typeof parametersFor>[0]) => parametersFor(d).map((p) => p.code);
    expect(codes("IABP")).toContain("helium_level");
    expect(codes("IABP")).not.toContain("ecmo_flow");
    expect(codes("VA_ECMO")).not.toContain("helium_level");
    expect(codes("VA_ECMO_IABP")).toEqual(expect.arrayContaining(["helium_level", "ecmo_flow", "lactate"]));
  });

  it("holds the shared limits and timers of the clinical reference, each with its source", () => {
    for (const [name, limit] of Object.entries(CLINICAL_LIMITS)) {
      expect(limit.source.citation.length, name).toBeGreaterThan(10);
      expect(Number.isFinite(limit.value), name).toBe(true);
    }
    expect(CLINICAL_LIMITS.staleFactor.value).toBe(3);
    expect(CLINICAL_LIMITS.pumpStopped).toMatchObject({ value: 20 * 60_000, unit: "ms" });
    expect(CLINICAL_LIMITS.nirsDifference.value).toBe(20);
    expect([CLINICAL_LIMITS.weaningStepMin.value, CLINICAL_LIMITS.weaningStepMax.value]).toEqual([
      3_600_000,
      6 * 3_600_000,
    ]);
    expect(CLINICAL_LIMITS.dpcWithin.value).toBe(6 * 3_600_000);
  });

  it("takes the targets that restate a limit from it: lactate < 2, ECMO flow > 2, limb NIRS and MAP", () => {
    expect(defaultTarget("lactate", "IABP")).toMatchObject({
      high: CLINICAL_LIMITS.lactateRaised.value,
      source: CLINICAL_LIMITS.lactateRaised.source,
    });
    expect(defaultTarget("ecmo_flow", "VA_ECMO")).toMatchObject({
      low: CLINICAL_LIMITS.ecmoFlowLow.value,
      lowExclusive: true,
    });
    expect(defaultTarget("nirs_right", "VA_ECMO")).toMatchObject({ low: CLINICAL_LIMITS.nirsLow.value });
    expect(defaultTarget("map", "IABP")).toMatchObject({ low: CLINICAL_LIMITS.mapLow.value });
    expect(defaultTarget("iabp_pumping", "IABP")?.note).toBe("never leave a stopped balloon in place > 20 min");
  });

  it("names the device settings, each a catalogue parameter", () => {
    expect(SETTING_CODES).toEqual(["ecmo_rpm", "ecmo_sweep", "ecmo_fdo2", "iabp_ratio", "iabp_pumping"]);
    expect(isSettingCode("iabp_ratio")).toBe(true);
    expect(isSettingCode("lactate")).toBe(false);
    expect(isSettingCode("toString")).toBe(false);
  });
});
