import { describe, expect, it } from "vitest";
import { getParameter } from "@/lib/catalogue";
import { toCatalogueUnit } from "./to-catalogue-unit";

describe("toCatalogueUnit", () => {
  it.each([
    // UCUM with lactic acid's molar mass (90.08 g/mol): 9.008 mg/dL is 1 mmol/L.
    ["lactate", 36.04, "mg/dL", 4.000888],
    ["platelets", 210, "K/uL", 210],
    ["platelets", 210000, "/mm3", 210],
    ["platelets", 150, "giga.l-1", 150],
    ["hemoglobin", 125, "g/L", 12.5],
    // Haem monomer, 16,114.5 g/mol.
    ["hemoglobin", 6.2, "mmol/L", 9.99099],
    ["platelets", 210, "10^9/L", 210],
    ["platelets", 210, "10^3/uL", 210],
    ["platelets", 210, "G/L", 210],
    ["platelets", 210, "giga/L", 210],
    ["platelets", 210, "10*9/l", 210],
    ["anti_xa", 0.25, "U/mL", 0.25],
    ["anti_xa", 0.25, "IU/mL", 0.25],
    ["anti_xa", 250, "IU/L", 0.25],
    ["ldh", 300, "IU/L", 300],
    ["lactate", 2.1, "mmol/l", 2.1],
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

  it("converts what UCUM reads: the NIST message's haemoglobin 12.5 g/mL is 1250 g/dL, which the write path then refuses as implausible", () => {
    expect(toCatalogueUnit(getParameter("hemoglobin"), 12.5, "g/mL")).toMatchObject({ ok: true, value: 1250 });
  });

  it.each([
    ["anti_xa", "furlong", /unit "furlong" could not be read for anti_xa/],
    ["anti_xa", "mg", /unit "mg" does not measure anti_xa/],
    ["platelets", "", /no unit was sent/],
  ] as const)("refuses %s in %j, quoting the unit", (code, unit, message) => {
    const result = toCatalogueUnit(getParameter(code), 1, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
