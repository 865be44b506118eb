import { z } from "zod";
import { isParameterCode } from "@/lib/catalogue";

/**
 * A column mapping for a CSV file that is not in the documented format (docs/imports.md, "Column mapping"): which
 * columns hold the analytes (one column per analyte, a row per time), where the patient and the time come from, the
 * separator, and which texts mean "no value". A JSON file, checked here before any row is read.
 */
export const ZCsvMapping = z
  .object({
    /** The format's version: a later format may read the file differently. */
    format: z.literal("station-csv-mapping/1"),
    /** Shown in the import's summary: "PhysioNet Challenge 2019 hourly". */
    name: z.string().min(1).max(120),
    /** One character: "," "|" ";" or a tab. */
    delimiter: z.string().length(1).default(","),
    /** Where the patient's identifier comes from: a column, or the file's name (a patient per file). */
    patient: z.union([
      z.object({ column: z.string().min(1) }).strict(),
      z
        .object({
          /** A regular expression whose first group is the identifier: "^(p\\d+)\\.psv$". */
          fileName: z.string().min(1).refine(isRegExp, "not a regular expression"),
        })
        .strict(),
      /** Given with the import (the CLI's --patient), a patient per file. */
      z.object({ given: z.literal(true) }).strict(),
    ]),
    /** Where the time comes from: an ISO 8601 column, or hours since admission plus the admission time given. */
    time: z.union([
      z
        .object({
          column: z.string().min(1),
          /** Zone of times without an offset; else each must carry one. */
          timeZone: z.string().min(1).optional(),
        })
        .strict(),
      z.object({ hoursSinceAdmission: z.string().min(1) }).strict(),
    ]),
    /** Texts that mean "not measured at this time": skipped, neither a reading nor a rejection. */
    missing: z.array(z.string()).default(["", "NaN"]),
    /** Column name → the catalogue parameter it holds and the unit its values are in. Other columns are ignored. */
    columns: z
      .record(
        z.string().min(1),
        z
          .object({
            parameter: z.string().refine(isParameterCode, "not a parameter of the catalogue"),
            unit: z.string().min(1),
          })
          .strict(),
      )
      .refine((c) => Object.keys(c).length > 0, "maps no column"),
  })
  .strict();
export type TCsvMapping = z.infer<typeof ZCsvMapping>;

function isRegExp(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

/** A mapping from its JSON text, or an error saying what is wrong and where ("columns.Lactate.parameter: …"). */
export function parseCsvMapping(text: string): { ok: true; mapping: TCsvMapping } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = ZCsvMapping.safeParse(json);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    reason: parsed.error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; "),
  };
}
