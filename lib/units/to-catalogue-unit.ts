import ucum from "@lhncbc/ucum-lhc";
import type { TParameter } from "@/lib/catalogue";
import { normaliseUnitSpelling } from "./normalise-unit-spelling";

export type TUnitResult =
  { ok: true; value: number; unit: string; convertedFrom?: string } | { ok: false; message: string };

/** value in the catalogue unit = a × value sent + b (b is 0 but for temperatures). */
type TLinear = { readonly a: number; readonly b: number } | { readonly error: string };

/** One conversion per (parameter, unit as sent): UCUM parses a unit string in tens of microseconds, an import holds
 * a million readings in a few units. */
const CACHE = new Map<string, TLinear>();

/**
 * Brings a value to the catalogue's unit. The unit as sent is brought to UCUM spelling (normaliseUnitSpelling), then
 * NLM's UCUM library (@lhncbc/ucum-lhc) converts it, with the analyte's molar mass where mass and amount of
 * substance meet (lactate mg/dL → mmol/L). Device spellings that are not UCUM at all (LPM, bpm, {rpm}) are read from
 * the catalogue's own list (docs/clinical-reference.md §2). A unit that cannot be read, or that measures something
 * else than the analyte, is refused with the unit quoted, never guessed.
 */
export function toCatalogueUnit(parameter: TParameter, value: number, unit: string): TUnitResult {
  const sent = unit.trim();
  if (sent === parameter.unit) return { ok: true, value, unit: parameter.unit };
  const key = `${parameter.code}\u0000${sent}`;
  let linear = CACHE.get(key);
  if (!linear) CACHE.set(key, (linear = conversionOf(parameter, sent)));
  if ("error" in linear) return { ok: false, message: linear.error };
  if (linear.a === 1 && linear.b === 0) return { ok: true, value, unit: parameter.unit, convertedFrom: sent };
  return { ok: true, value: roundSignificant(linear.a * value + linear.b), unit: parameter.unit, convertedFrom: sent };
}

function conversionOf(parameter: TParameter, sent: string): TLinear {
  const byUcum = ucumConversion(parameter, sent);
  if (!("error" in byUcum)) return byUcum;
  // Device spellings UCUM cannot read (LPM, bpm, {rpm}), each listed with its source in the catalogue.
  const listed = parameter.conversions.find((c) => c.from.includes(sent));
  return listed ? { a: listed.factor, b: 0 } : byUcum;
}

function ucumConversion(parameter: TParameter, sent: string): TLinear {
  if (sent === "") return { error: `no unit was sent for ${parameter.code} (expected ${parameter.unit})` };
  let from = normaliseUnitSpelling(sent);
  let to = parameter.unit;
  // Labs write anti-Xa in U/mL and LDH in IU/L: for an analyte the catalogue counts in international units a bare U is
  // the IU, and for one it counts in enzyme units an IU is the U (both are µmol/min for LDH). UCUM keeps them apart,
  // and converts no arbitrary unit such as [IU] even to itself: a unit on both sides is taken out as U.
  if (to.includes("[IU]")) from = from.replace(/(^|[^[a-zA-Z])U(?![a-zA-Z\]])/g, "$1[IU]");
  else if (/(^|[^a-zA-Z[])U(?![a-zA-Z\]])/.test(to)) from = from.replaceAll("[IU]", "U");
  if (from.includes("[IU]") && to.includes("[IU]")) {
    from = from.replaceAll("[IU]", "U");
    to = to.replaceAll("[IU]", "U");
  }
  if (from === to) return { a: 1, b: 0 };
  const utils = ucum.UcumLhcUtils.getInstance();
  if (utils.validateUnitString(from).status !== "valid")
    return { error: `unit "${sent}" could not be read for ${parameter.code} (expected ${parameter.unit})` };
  const options = parameter.molarMass ? { molecularWeight: parameter.molarMass.gPerMol } : {};
  const at0 = utils.convertUnitTo(from, 0, to, options);
  const at1 = utils.convertUnitTo(from, 1, to, options);
  if (at0.status !== "succeeded" || at1.status !== "succeeded" || at0.toVal === null || at1.toVal === null) {
    return { error: `unit "${sent}" does not measure ${parameter.code} (expected ${parameter.unit})` };
  }
  return { a: at1.toVal - at0.toVal, b: at0.toVal };
}

/** Removes the binary noise of a float multiplication (4.4 × 0.1 = 0.44000000000000006) without losing precision. */
function roundSignificant(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
