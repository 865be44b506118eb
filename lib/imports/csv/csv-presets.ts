import { z } from "zod";

/**
 * The documented CSV format (docs/imports.md), one reading a row, with a header row:
 *   patient_id   the patient's identifier (Patient.identifier, the hospital's MRN)            required
 *   parameter    a catalogue code (lactate, platelets, ecmo_flow…)          one of parameter / loinc required
 *   loinc        a LOINC code the catalogue knows (2518-9, 777-3…)
 *   value        a number with a decimal point                                                required
 *   unit         the unit of the value (UCUM, or one the catalogue converts)                  required
 *   observed_at  ISO 8601 with an offset: 2026-11-20T08:15:00+01:00                           required
 *   status       F / C / P or final / corrected / preliminary (empty: final)                  optional
 *   id           the record's id at its source; makes the source reference                    optional
 */
export const GENERIC_COLUMNS = [
  "patient_id",
  "parameter",
  "loinc",
  "value",
  "unit",
  "observed_at",
  "status",
  "id",
] as const;

/** MIMIC-IV labevents as flattened by the demo extract (test/fixtures/external/README.md). */
export const MIMIC_COLUMNS = [
  "subject_id",
  "labevent_id",
  "itemid",
  "label",
  "charttime",
  "value",
  "valuenum",
  "valueuom",
  "comments",
] as const;

export const CSV_PRESETS = ["generic", "mimic"] as const;
export type TCsvPreset = (typeof CSV_PRESETS)[number];

export type TColumnIndex<C extends string> = Record<C, number>;

const ZHeader = z.array(z.string()).min(1);

/** Finds each known column in a header row (case and spaces ignored); -1 when absent. */
export function indexColumns<C extends string>(header: unknown, columns: readonly C[]): TColumnIndex<C> {
  const names = ZHeader.parse(header).map((h) => h.trim().toLowerCase());
  return Object.fromEntries(columns.map((c) => [c, names.indexOf(c)])) as TColumnIndex<C>;
}

/** What is missing from a header for a preset, in words; undefined when the header is complete. */
export function missingColumns(preset: TCsvPreset, header: readonly string[]): string | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  const lack = (required: readonly string[]) => required.filter((c) => !names.includes(c));
  if (preset === "mimic") {
    const missing = lack(["subject_id", "labevent_id", "itemid", "charttime", "valuenum", "valueuom"]);
    return missing.length > 0 ? `MIMIC-IV labevents columns missing: ${missing.join(", ")}` : undefined;
  }
  const missing = lack(["patient_id", "value", "unit", "observed_at"]);
  if (!names.includes("parameter") && !names.includes("loinc")) missing.push("parameter or loinc");
  return missing.length > 0
    ? `columns missing: ${missing.join(", ")} (expected ${GENERIC_COLUMNS.join(", ")})`
    : undefined;
}

/** A header that looks like MIMIC-IV labevents. */
export function isMimicHeader(header: readonly string[]): boolean {
  return missingColumns("mimic", header) === undefined;
}
