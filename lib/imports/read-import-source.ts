import type { Readable } from "node:stream";
import type { TCsvMapping } from "./csv/csv-mapping";
import { readCsvFile } from "./csv/read-csv-file";
import { readMappedCsvFile } from "./csv/read-mapped-csv-file";
import { readFhirJson } from "./fhir/read-fhir-json";
import { readHl7File } from "./hl7/read-hl7-file";
import type { TImportChunk, TImportItem, TImportKind } from "./import-record";

/** FHIR JSON is parsed whole: Bundles of results are small. A larger one is refused rather than exhausting memory. */
export const MAX_FHIR_BYTES = 20 * 1024 * 1024;

export interface TReadImportSourceOptions {
  kind: TImportKind;
  input: Readable;
  /** Names the source in every rejection's location. */
  file: string;
  /** Zone of times sent without an offset (HL7 TS; CSV only when given; MIMIC defaults to UTC). */
  timeZone: string;
  /** The CSV format's times must carry an offset unless this names their zone. */
  csvTimeZone?: string;
  /** A CSV of another shape, read through a column mapping, with what the mapping needs from the import. */
  mapping?: { mapping: TCsvMapping; patient?: string; admittedAt?: Date };
}

/** The records of a source of any kind, streamed where the format allows (HL7 message by message, CSV row by row). */
export async function* readImportSource({
  kind,
  input,
  file,
  timeZone,
  csvTimeZone,
  mapping,
}: TReadImportSourceOptions): AsyncGenerator<TImportChunk> {
  switch (kind) {
    case "hl7":
      yield* readHl7File({ input, file, timeZone });
      return;
    case "csv":
      if (mapping) yield* readMappedCsvFile({ input, file, ...mapping });
      else yield* readCsvFile({ input, file, preset: "generic", timeZone: csvTimeZone });
      return;
    case "mimic":
      yield* readCsvFile({ input, file, preset: "mimic", timeZone: csvTimeZone ?? "UTC" });
      return;
    case "fhir": {
      const text = await readWhole(input, MAX_FHIR_BYTES);
      const unreadable = (field: string, reason: string): TImportItem => ({
        type: "unreadable",
        rejection: { location: file, field, value: "", code: "UNREADABLE", reason },
      });
      if (text === undefined) {
        yield unreadable("body", `larger than ${MAX_FHIR_BYTES / 1024 / 1024} MB: split the Bundle`);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (error) {
        yield unreadable("body", `not JSON: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const read = readFhirJson({ json, file });
      if (read.kind === "invalid") yield unreadable(read.field, read.reason);
      else yield read.items;
      return;
    }
  }
}

async function readWhole(input: Readable, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) {
      input.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
