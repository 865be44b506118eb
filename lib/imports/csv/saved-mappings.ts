import { parseCsvMapping, ZCsvMapping, type TCsvMapping } from "./csv-mapping";
import physionet2019Hourly from "./mappings/physionet-2019-hourly.json";

/** The column mappings the station ships (docs/imports.md): the import page offers them by id. */
export const SAVED_CSV_MAPPINGS: Readonly<Record<string, TCsvMapping>> = {
  "physionet-2019-hourly": ZCsvMapping.parse(physionet2019Hourly),
};

/**
 * The mapping an import names: a saved one's id, or a mapping's JSON text (uploaded with the file); an error saying
 * why when it is neither.
 */
export function resolveCsvMapping(text: string): { ok: true; mapping: TCsvMapping } | { ok: false; reason: string } {
  const saved = SAVED_CSV_MAPPINGS[text];
  if (saved) return { ok: true, mapping: saved };
  if (!text.trimStart().startsWith("{"))
    return { ok: false, reason: `no saved mapping "${text}" (saved: ${Object.keys(SAVED_CSV_MAPPINGS).join(", ")})` };
  return parseCsvMapping(text);
}
