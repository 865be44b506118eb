import { getParameter, type TParameterCode } from "@/lib/catalogue";

/**
 * A simulated value held inside the catalogue's plausible range (a scenario's extreme plus noise must never be
 * refused) and rounded to the catalogue's decimals, as a device or a lab would print it.
 */
export function toCatalogueValue(parameter: TParameterCode, value: number): number {
  const { plausible, decimals } = getParameter(parameter);
  const held = Math.min(plausible.max, Math.max(plausible.min, value));
  const factor = 10 ** decimals;
  // `+ 0` turns a rounded -0 into 0, so that equal series compare equal.
  return Math.round(held * factor) / factor + 0;
}
