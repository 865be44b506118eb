import ucum from "@lhncbc/ucum-lhc";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/catalogue";

const utils = ucum.UcumLhcUtils.getInstance();

/**
 * Units the catalogue accepts that UCUM cannot check, each for a stated reason. Anything else the catalogue converts
 * must agree with UCUM's own factor: a hand-typed factor that is off by a thousand is caught here, not on a ward.
 */
const NOT_CHECKABLE_BY_UCUM: Record<string, string> = {
  "K/uL": "MIMIC's thousand per microlitre; in UCUM K is the kelvin",
  "G/L": "French lab usage, giga per litre; in UCUM G is the gauss",
  "giga.l-1": "LAB-ORU-1's spelling of giga per litre; not UCUM syntax",
  "10^3/uL": "caret spelling of 10*3/uL; not UCUM syntax",
  "/mm^3": "caret spelling of /mm3; not UCUM syntax",
  "U/mL": "labs write U/mL for anti-Xa IU/mL; UCUM's U is the enzyme unit, not commensurable with [IU]",
  "IU/mL": "IU without brackets; UCUM's [IU]",
  "IU/L": "IU without brackets; UCUM's [IU]",
  "[IU]/L": "LDH in IU/L; UCUM will not equate [IU] with U",
  mmHg: "mm[Hg] without brackets",
  "mm Hg": "mm[Hg] with a space",
  LPM: "litres per minute, device spelling",
  rpm: "revolutions per minute, device spelling",
  RPM: "revolutions per minute, device spelling",
  bpm: "beats per minute, device spelling",
  "[IU]/ml": "UCUM converts no arbitrary unit ([IU]), not even to itself; ml is mL",
  "{rpm}": "an annotation, dimensionless in UCUM; device spelling of /min",
};
/** Conversions that need a molar mass, which UCUM rightly refuses without one (docs/clinical-reference.md §2 gives them). */
const MOLAR_MASS = new Set(["lactate mg/dL", "hemoglobin mmol/L"]);

describe("the catalogue's unit conversions", () => {
  const cases = CATALOGUE.flatMap((p) =>
    p.conversions.flatMap((c) => c.from.map((from) => ({ parameter: p.code, unit: p.unit, from, factor: c.factor }))),
  );

  it.each(cases.filter((c) => !(c.from in NOT_CHECKABLE_BY_UCUM) && !MOLAR_MASS.has(`${c.parameter} ${c.from}`)))(
    "$parameter: 1 $from = $factor $unit, as UCUM computes it",
    ({ from, unit, factor }) => {
      const result = utils.convertUnitTo(from, 1, unit);
      expect(result.status, result.msg.join("; ")).toBe("succeeded");
      expect(result.toVal).toBeCloseTo(factor, 9);
    },
  );

  it("keeps the NIST haemoglobin unit g/mL out: valid UCUM, but 12.5 g/mL would be 1250 g/dL", () => {
    expect(utils.validateUnitString("g/mL").status).toBe("valid");
    expect(utils.convertUnitTo("g/mL", 12.5, "g/dL").toVal).toBeCloseTo(1250, 6);
    expect(CATALOGUE.find((p) => p.code === "hemoglobin")?.conversions.flatMap((c) => c.from)).not.toContain("g/mL");
  });

  it("converts the NIST platelets {cells}/uL as UCUM does: 210000 per microlitre is 210 × 10⁹/L", () => {
    expect(utils.convertUnitTo("{cells}/uL", 210_000, "10*9/L").toVal).toBeCloseTo(210, 6);
  });
});
