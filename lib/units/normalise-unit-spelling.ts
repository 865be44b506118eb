/**
 * A unit as laboratories write it, brought to UCUM syntax so that @lhncbc/ucum-lhc can read and convert it. Only
 * spelling is changed here, never a quantity: the library does every conversion. What each rule reads:
 * - a caret power, escaped or not by the sender (10^9/L, and 10\S\9/L once unescaped): UCUM's 10*9/L; /mm^3: /mm3;
 * - K/uL (thousands per microlitre, MIMIC and US analysers; UCUM's K is the kelvin): 10*3/uL;
 * - G/L, giga/L, giga.l-1 (French usage, giga per litre; UCUM's G is the gauss): 10*9/L; T/L (tera): 10*12/L;
 * - IU without brackets: UCUM's [IU]; mmHg, mm Hg: mm[Hg];
 * - per-mille litre spellings in lower case (ml, dl, µl) keep their meaning in UCUM, µ is written u.
 * Whether U and IU mean the same depends on the analyte, so that choice is made against the catalogue's unit, by
 * the caller (toCatalogueUnit), not here.
 */
export function normaliseUnitSpelling(sent: string): string {
  let unit = sent
    .trim()
    .replace(/\s*\/\s*/g, "/")
    .replace(/µ|μ/g, "u");
  unit = unit.replace(/^(?:giga|Giga|GIGA|G)(?=[./]|$)/, "10*9").replace(/^(?:T|tera)(?=\/)/, "10*12");
  unit = unit.replace(/^10\*9\.l-1$/i, "10*9/L");
  unit = unit.replace(/^K(?=\/)/, "10*3");
  unit = unit.replace(/(\d+)\s*\^\s*([+-]?\d+)/g, "$1*$2");
  unit = unit.replace(/([a-zA-Z\]])\^([+-]?\d+)/g, "$1$2");
  unit = unit.replace(/(^|[^[a-zA-Z])IU(?![a-zA-Z\]])/g, "$1[IU]");
  unit = unit.replace(/^mm ?Hg$/i, "mm[Hg]");
  unit = unit.replace(/\/(?:cumm|cmm)$/i, "/mm3");
  return unit;
}
