import type { TImportKind } from "./import-record";

/**
 * How many records a file probably holds, from a sample of its beginning: the import page's progress bar needs a
 * total, and the server only counts what it has read. CSV: rows (lines after the header); HL7: OBX segments; FHIR:
 * unknown (a Bundle is small and read at once).
 */
export function estimateRecords({
  kind,
  sample,
  sampleBytes,
  fileBytes,
}: {
  kind: TImportKind;
  sample: string;
  sampleBytes: number;
  fileBytes: number;
}): number | undefined {
  if (sampleBytes <= 0 || fileBytes <= 0) return undefined;
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  // The last line of a sample is usually cut: leave it out unless the sample is the whole file.
  const whole = sampleBytes >= fileBytes;
  const complete = whole ? lines : lines.slice(0, -1);
  let count: number;
  switch (kind) {
    case "csv":
    case "mimic":
      count = Math.max(complete.length - 1, 0);
      break;
    case "hl7":
      count = complete.filter((l) => l.startsWith("OBX")).length;
      break;
    case "fhir":
      return undefined;
  }
  if (whole) return count;
  const bytesCounted = complete.reduce((sum, l) => sum + l.length + 1, 0);
  return bytesCounted > 0 ? Math.round((count / bytesCounted) * fileBytes) : undefined;
}
