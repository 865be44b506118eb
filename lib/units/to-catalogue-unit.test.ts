import { describe, expect, it } from "vitest";
import { getParameter } from "@/lib/catalogue";
import { toCatalogueUnit } from "./to-catalogue-unit";

describe("toCatalogueUnit", () => {
  it.each([
    ["lactate", 36.04, "mg/dL", 4],
    ["platelets", 210, "K/uL", 210],
    ["platelets", 210000, "/mm3", 210],
    ["platelets", 150, "giga.l-1", 150],
    ["hemoglobin", 125, "g/L", 12.5],
    ["hemoglobin", 6.2, "mmol/L", 9.9882],
    ["fibrinogen", 250, "mg/dL", 2.5],
  ] as const)("converts %s %d %s to the catalogue unit", (code, value, unit, expected) => {
    const result = toCatalogueUnit(getParameter(code), value, unit);
    expect(result).toMatchObject({ ok: true, unit: getParameter(code).unit, convertedFrom: unit });
    if (result.ok) expect(result.value).toBeCloseTo(expected, 6);
  });

  it("keeps a value already in the catalogue unit untouched", () => {
    expect(toCatalogueUnit(getParameter("anti_xa"), 0.42, "[IU]/mL")).toEqual({
      ok: true,
      value: 0.42,
      unit: "[IU]/mL",
    });
  });

  it("refuses a unit it does not know, saying which ones it accepts (the NIST message's haemoglobin in g/mL)", () => {
    const result = toCatalogueUnit(getParameter("hemoglobin"), 12.5, "g/mL");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/g\/mL.*not accepted.*g\/dL/);
  });
});
