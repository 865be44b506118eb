import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { TImportItem, TImportRecord, TParsedTime } from "../import-record";
import { sourceRef } from "../source-ref";
import type { TCsvMapping } from "./csv-mapping";
import { UnreadableSourceError } from "../unreadable-source-error";
import { parseCsvTime } from "./parse-csv-time";

export interface TReadMappedCsvOptions {
  input: Readable;
  file: string;
  mapping: TCsvMapping;
  /** The patient's identifier, when the mapping says it is given with the import. */
  patient?: string;
  /** When the patient was admitted, for times counted in hours since admission. */
  admittedAt?: Date;
}

const CHUNK = 500;
const HOUR_MS = 3_600_000;

/**
 * Streams a CSV file through a column mapping (csv-mapping.ts): each row is a time, each mapped column an analyte;
 * a cell holding a "missing" text (NaN) is skipped. The header must hold every column the mapping names, and the
 * patient and admission time must be known, or the import stops at once with the reason (UnreadableSourceError)
 * rather than rejecting every row for it.
 */
export async function* readMappedCsvFile({
  input,
  file,
  mapping,
  patient: givenPatient,
  admittedAt,
}: TReadMappedCsvOptions): AsyncGenerator<TImportItem[]> {
  const filePatient = patientFromFileName(mapping, file, givenPatient);
  const parser = input.pipe(
    parse({ bom: true, delimiter: mapping.delimiter, relax_column_count: true, skip_empty_lines: true }),
  );
  const missing = new Set(mapping.missing);
  let read: ((row: string[], line: number) => TImportItem[]) | undefined;
  let width = 0;
  let line = 0;
  let chunk: TImportItem[] = [];
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      line += 1;
      if (!read) {
        read = rowReader(mapping, row, file, filePatient, admittedAt, missing);
        width = row.length;
        continue;
      }
      if (row.length !== width)
        chunk.push({
          type: "unreadable",
          rejection: {
            location: `${file} line ${line}`,
            field: "row",
            value: row.join(mapping.delimiter).slice(0, 200),
            code: "UNREADABLE",
            reason: `${row.length} fields where the header has ${width}`,
          },
        });
      else for (const item of read(row, line)) chunk.push(item);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  } finally {
    parser.destroy();
  }
  if (!read) throw new UnreadableSourceError(`${file} is empty: no header row for the mapping "${mapping.name}"`);
  if (chunk.length > 0) yield chunk;
}

function patientFromFileName(mapping: TCsvMapping, file: string, given: string | undefined): string | undefined {
  if (given) return given;
  const source = mapping.patient;
  if ("given" in source)
    throw new UnreadableSourceError(`the mapping "${mapping.name}" takes the patient from the import: name it`);
  if (!("fileName" in source)) return undefined;
  const found = new RegExp(source.fileName).exec(file)?.[1];
  if (!found)
    throw new UnreadableSourceError(
      `the file name "${file}" does not match the mapping's patient pattern ${source.fileName}: name the patient`,
    );
  return found;
}

function rowReader(
  mapping: TCsvMapping,
  header: string[],
  file: string,
  filePatient: string | undefined,
  admittedAt: Date | undefined,
  missing: ReadonlySet<string>,
) {
  const names = header.map((h) => h.trim());
  const index = (column: string) => names.indexOf(column);
  const absent: string[] = [];
  const need = (column: string) => {
    const i = index(column);
    if (i < 0) absent.push(column);
    return i;
  };
  const patientColumn = "column" in mapping.patient && !filePatient ? need(mapping.patient.column) : -1;
  const time = mapping.time;
  const timeColumn = need("column" in time ? time.column : time.hoursSinceAdmission);
  const analytes = Object.entries(mapping.columns).map(([column, target]) => ({ column, ...target, i: need(column) }));
  if (absent.length > 0)
    throw new UnreadableSourceError(
      `${file} line 1: the header has no ${absent.map((c) => `"${c}"`).join(", ")}, which the mapping "${mapping.name}" names (the header holds ${names.slice(0, 12).join(mapping.delimiter)}${names.length > 12 ? "…" : ""})`,
    );
  if (!("column" in time) && !admittedAt)
    throw new UnreadableSourceError(
      `the mapping "${mapping.name}" counts hours since admission: give the admission time (--admitted-at)`,
    );
  const patientField = filePatient ? "(file)" : "column" in mapping.patient ? mapping.patient.column : "(given)";
  const timeField = "column" in time ? time.column : time.hoursSinceAdmission;

  const timeOf = (text: string): TParsedTime => {
    if ("column" in time) return parseCsvTime(text, time.timeZone);
    const hours = Number(text);
    if (text === "" || !Number.isFinite(hours) || hours < 0)
      return { ok: false, reason: `"${text}" is not a number of hours since admission` };
    return { ok: true, at: new Date((admittedAt?.getTime() ?? 0) + hours * HOUR_MS) };
  };

  return (row: string[], line: number): TImportItem[] => {
    const patient = filePatient ?? (row[patientColumn] ?? "").trim();
    const timeText = (row[timeColumn] ?? "").trim();
    const at = timeOf(timeText);
    const items: TImportItem[] = [];
    for (const a of analytes) {
      const value = (row[a.i] ?? "").trim();
      if (missing.has(value)) continue;
      const record: TImportRecord = {
        location: { file, line },
        fields: {
          patient: patientField,
          code: a.column,
          value: a.column,
          unit: a.column,
          time: timeField,
          status: "(none)",
        },
        patientIdentifiers: patient ? [patient] : [],
        codings: [],
        parameterCode: a.parameter,
        valueText: value,
        unit: a.unit,
        time: at,
        timeText: "column" in time ? timeText : `${timeField} ${timeText}`,
        status: "final",
        statusText: "final",
        // The patient, the row's time (hours since admission made absolute) and the column: the same cell imported again is found as stored.
        sourceRef: sourceRef("csv", [
          "map",
          patient,
          "column" in time || !at.ok ? timeText : at.at.toISOString(),
          a.column,
        ]),
      };
      items.push({ type: "record", record });
    }
    return items;
  };
}
