import type { TParameter } from "@/lib/catalogue";

export type TUnitResult =
  { ok: true; value: number; unit: string; convertedFrom?: string } | { ok: false; message: string };

/**
 * Brings a value to the catalogue's unit. Only conversions the catalogue names are applied (docs/clinical-reference.md
 * §2): a unit that is merely similar (haemoglobin in g/mL) is refused, never guessed.
 */
export function toCatalogueUnit(parameter: TParameter, value: number, unit: string): TUnitResult {
  const sent = unit.trim();
  if (sent === parameter.unit) return { ok: true, value, unit: parameter.unit };
  for (const conversion of parameter.conversions) {
    if (conversion.from.includes(sent)) {
      const converted = roundSignificant(value * conversion.factor);
      return { ok: true, value: converted, unit: parameter.unit, convertedFrom: sent };
    }
  }
  const accepted = [parameter.unit, ...parameter.conversions.flatMap((c) => c.from)].join(", ");
  return {
    ok: false,
    message: `unit "${sent}" is not accepted for ${parameter.code} (accepted: ${accepted})`,
  };
}

/** Removes the binary noise of a float multiplication (4.4 × 0.1 = 0.44000000000000006) without losing precision. */
function roundSignificant(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
