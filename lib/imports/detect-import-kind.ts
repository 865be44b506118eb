import { isMimicHeader } from "./csv/csv-presets";
import type { TImportKind } from "./import-record";

/**
 * Guesses what a source is from its first bytes (then its name): "MSH" is HL7 v2, "{" is FHIR JSON, a header row
 * with MIMIC-IV's labevents columns is the MIMIC preset, another header row is the documented CSV format.
 */
export function detectImportKind({ fileName, head }: { fileName: string; head: string }): TImportKind | undefined {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (/^(MSH|FHS|BHS)\|/.test(text)) return "hl7";
  if (text.startsWith("{")) return "fhir";
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  if (firstLine.includes(","))
    return isMimicHeader(firstLine.split(",").map((c) => c.replace(/^"|"$/g, ""))) ? "mimic" : "csv";
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "hl7") return "hl7";
  if (extension === "json") return "fhir";
  if (extension === "csv") return "csv";
  return undefined;
}
