import { hash } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { hl7ResultStatus } from "../hl7/hl7-result-status";
import type { TCoding, TImportItem, TImportRecord, TImportStatus, TParsedTime } from "../import-record";
import { sourceRef } from "../source-ref";
import { GENERIC_COLUMNS, MIMIC_COLUMNS, indexColumns, missingColumns, type TCsvPreset } from "./csv-presets";
import { UnreadableSourceError } from "../unreadable-source-error";
import { parseCsvTime } from "./parse-csv-time";
import { readRowRuns } from "./read-row-runs";

export interface TReadCsvFileOptions {
  input: Readable;
  file: string;
  preset: TCsvPreset;
  /** Zone of times without an offset; MIMIC's shifted charttimes have none and are read as UTC unless told. */
  timeZone?: string;
}

const WORD_STATUS: Record<string, TImportStatus> = {
  final: "final",
  corrected: "corrected",
  amended: "corrected",
  preliminary: "preliminary",
};

/** Rows are handed on in chunks: one await per chunk rather than per row keeps a million-row file fast. */
const CHUNK = 500;

/**
 * Streams a CSV file (csv-parse: quoted fields with commas and line breaks), never holding the file, and yields its
 * records in chunks. A row with the wrong number of fields is one unreadable item; a header that lacks a required
 * column stops the import (UnreadableSourceError) naming what is missing, rather than rejecting every row for it.
 */
export async function* readCsvFile({
  input,
  file,
  preset,
  timeZone,
}: TReadCsvFileOptions): AsyncGenerator<TImportItem[]> {
  // Line numbers are counted here rather than with csv-parse's `info`, which builds an object per row (a third of
  // the parse time on a million rows): a record starts one line after the previous one ended.
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let toRecord: ((row: string[], line: number) => TImportRecord) | undefined;
  let width = 0;
  let nextLine = 1;
  let chunk: TImportItem[] = [];
  for await (const run of readRowRuns<string[]>(parser))
    for (const row of run) {
      const line = nextLine;
      nextLine = line + 1 + embeddedLineBreaks(row);
      if (row.length === 1 && row[0] === "") continue;
      if (!toRecord) {
        const missing = missingColumns(preset, row);
        if (missing) {
          parser.destroy();
          throw new UnreadableSourceError(
            `${file} line ${line}: the header matches no known shape (${missing}); a file of another shape needs a column mapping (docs/imports.md)`,
          );
        }
        width = row.length;
        toRecord = preset === "mimic" ? mimicRow(row, file, timeZone ?? "UTC") : genericRow(row, file, timeZone);
        continue;
      }
      if (row.length !== width) {
        chunk.push({
          type: "unreadable",
          rejection: {
            location: `${file} line ${line}`,
            field: "row",
            value: row.join(",").slice(0, 200),
            code: "UNREADABLE",
            reason: `${row.length} fields where the header has ${width}`,
          },
        });
      } else chunk.push({ type: "record", record: toRecord(row, line) });
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  if (chunk.length > 0) yield chunk;
}

function embeddedLineBreaks(row: string[]): number {
  let breaks = 0;
  for (const field of row) {
    if (field.length === 0 || (!field.includes("\n") && !field.includes("\r"))) continue;
    breaks += (field.match(/\r\n|\n|\r/g) ?? []).length;
  }
  return breaks;
}

const GENERIC_FIELDS = {
  byParameter: {
    patient: "patient_id",
    code: "parameter",
    value: "value",
    unit: "unit",
    time: "observed_at",
    status: "status",
  },
  byLoinc: {
    patient: "patient_id",
    code: "loinc",
    value: "value",
    unit: "unit",
    time: "observed_at",
    status: "status",
  },
} as const;
const MIMIC_FIELDS = {
  valuenum: {
    patient: "subject_id",
    code: "itemid",
    value: "valuenum",
    unit: "valueuom",
    time: "charttime",
    status: "(none)",
  },
  value: {
    patient: "subject_id",
    code: "itemid",
    value: "value",
    unit: "valueuom",
    time: "charttime",
    status: "(none)",
  },
} as const;

function genericRow(header: string[], file: string, timeZone: string | undefined) {
  const c = indexColumns(header, GENERIC_COLUMNS);
  const at = (row: string[], i: number) => (i < 0 ? "" : (row[i] ?? "").trim());
  const shared = sharedPieces(timeZone);
  return (row: string[], line: number): TImportRecord => {
    const patient = at(row, c.patient_id);
    const parameter = at(row, c.parameter);
    const loinc = at(row, c.loinc);
    const value = at(row, c.value);
    const unit = at(row, c.unit);
    const observed = at(row, c.observed_at);
    const statusText = at(row, c.status);
    const status = statusText === "" ? "final" : (WORD_STATUS[statusText.toLowerCase()] ?? hl7ResultStatus(statusText));
    const id = at(row, c.id);
    const time = shared.time(observed);
    return {
      location: { file, line },
      fields: parameter ? GENERIC_FIELDS.byParameter : GENERIC_FIELDS.byLoinc,
      patientIdentifiers: shared.patient(patient),
      codings: loinc ? [{ system: "LN", code: loinc }] : NO_CODINGS,
      parameterCode: parameter ? shared.word(parameter) : undefined,
      valueText: value,
      unit: shared.word(unit),
      time: time.parsed,
      timeText: time.text,
      status,
      statusText: statusText || "final",
      // Without an id column the row's content is its identity: the same reading in two exports is one reading,
      // two different readings never share a reference. The time as sent leads the reference so that a file's
      // consecutive rows land side by side in the unique (source, sourceRef) index: a hash alone scattered each batch
      // over thousands of the index's pages, each rewritten at every commit (bench/import-csv.ts, docs/imports.md).
      sourceRef: id
        ? sourceRef("csv", ["id", id])
        : // crypto.hash, one call, rather than a Hash object per row: half the time on a million rows.
          sourceRef("csv", [
            "row",
            // Escaped once for all the rows of this time (sourceRef leaves a part without a colon as it is).
            time.escaped,
            hash("sha1", [patient, parameter || loinc, observed, value, unit, statusText].join("\u0000"), "base64url"),
          ]),
    };
  };
}

const NO_CODINGS: readonly TCoding[] = Object.freeze([]);
/** Distinct patients, parameters and units remembered per file at most (a file rarely names more). */
const SHARED_MAX = 4_096;

/**
 * What consecutive rows repeat, read once and shared by their records: the time (a device gateway's export gives a
 * second's hundreds of readings one time), the patient's identifier list, the parameter and unit words. A
 * million-row import holds each batch's records until it is committed, and every object a record holds is copied by
 * the garbage collector as it ages: fewer objects per record is most of a row's cost on the main thread
 * (docs/imports.md, issue 16). Records never change what they hold (readonly), so sharing is safe.
 */
function sharedPieces(timeZone: string | undefined) {
  type TTime = { text: string; parsed: TParsedTime; escaped: string };
  const timeOf = (text: string): TTime => ({
    text,
    parsed: parseCsvTime(text, timeZone),
    escaped: text.replaceAll(":", "%3A"),
  });
  let last = timeOf("");
  const patients = new Map<string, readonly string[]>();
  const words = new Map<string, string>();
  return {
    time(text: string): TTime {
      if (text !== last.text) last = timeOf(text);
      return last;
    },
    patient(id: string): readonly string[] {
      if (id === "") return NO_PATIENT;
      let ids = patients.get(id);
      if (!ids) {
        if (patients.size >= SHARED_MAX) patients.clear();
        patients.set(id, (ids = Object.freeze([id])));
      }
      return ids;
    },
    word(text: string): string {
      const known = words.get(text);
      if (known !== undefined) return known;
      if (words.size >= SHARED_MAX) words.clear();
      words.set(text, text);
      return text;
    },
  };
}
const NO_PATIENT: readonly string[] = Object.freeze([]);

function mimicRow(header: string[], file: string, timeZone: string) {
  const c = indexColumns(header, MIMIC_COLUMNS);
  const at = (row: string[], i: number) => (i < 0 ? "" : (row[i] ?? "").trim());
  return (row: string[], line: number): TImportRecord => {
    const valuenum = at(row, c.valuenum);
    const value = at(row, c.value);
    const charttime = at(row, c.charttime);
    const subject = at(row, c.subject_id);
    return {
      location: { file, line },
      fields: valuenum ? MIMIC_FIELDS.valuenum : MIMIC_FIELDS.value,
      patientIdentifiers: subject ? [subject] : [],
      codings: [{ system: "mimic-itemid", code: at(row, c.itemid), display: at(row, c.label) }],
      valueText: valuenum || value,
      valueNote: at(row, c.comments) || undefined,
      unit: at(row, c.valueuom),
      time: parseCsvTime(charttime, timeZone),
      timeText: charttime,
      status: "final",
      statusText: "final",
      sourceRef: sourceRef("mimic", ["labevent", at(row, c.labevent_id)]),
    };
  };
}
