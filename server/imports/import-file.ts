import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { detectImportKind } from "@/lib/imports/detect-import-kind";
import type { TImportKind } from "@/lib/imports/import-record";
import { inspectSource } from "@/lib/imports/inspect-source";
import { readImportSource, type TReadImportSourceOptions } from "@/lib/imports/read-import-source";
import { AppError } from "@/lib/errors/app-error";
import type { TImportSummary } from "@/lib/db/imports/import-run";
import { runImport, type TRunImportOptions } from "@/lib/db/imports/run-import";

export interface TImportFileOptions extends Omit<TRunImportOptions, "items" | "kind" | "fileName"> {
  filePath: string;
  /** Detected from the file's first bytes when absent. */
  kind?: TImportKind;
  /** Zone of HL7 times without an offset. */
  timeZone: string;
  /** Zone of CSV times without an offset (MIMIC: UTC unless told). */
  csvTimeZone?: string;
  /** A column mapping for a CSV of another shape (the kind is then csv). */
  mapping?: TReadImportSourceOptions["mapping"];
}

/** Imports one file from disk, streamed, as one job named after the file. */
export async function importFile({
  filePath,
  kind,
  timeZone,
  csvTimeZone,
  mapping,
  ...run
}: TImportFileOptions): Promise<TImportSummary> {
  const fileName = path.basename(filePath);
  const chosen = mapping ? "csv" : (kind ?? detectImportKind({ fileName, head: await readHead(filePath) }));
  if (!chosen)
    throw new AppError(
      "INVALID_INPUT",
      `cannot tell what ${fileName} is: pass --kind hl7|fhir|csv|mimic, or --mapping for a CSV of another shape`,
    );
  const file = createReadStream(filePath);
  const source = inspectSource(file);
  const items = readImportSource({ kind: chosen, input: source.input, file: fileName, timeZone, csvTimeZone, mapping });
  const summary = await runImport({
    ...run,
    items,
    kind: chosen,
    fileName,
    nothingRead: () => source.nothingRead(chosen),
    notText: () => source.notText(chosen),
  });
  file.destroy();
  return summary;
}

async function readHead(filePath: string): Promise<string> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}
