import { CATALOGUE, findParameter, isParameterCode, type TParameterCode } from "@/lib/catalogue";
import type { TComparator, TLabResult } from "@/lib/observations/lab-result";
import type { TCodeIndex } from "./codes/create-code-index";
import { parseHl7Number } from "./hl7/parse-hl7-number";
import { formatLocation, type TImportRecord, type TImportRejection, type TImportRejectionCode } from "./import-record";

export type TMappedRecord =
  | {
      readonly outcome: "mapped";
      readonly record: TImportRecord;
      readonly parameter: TParameterCode;
      /** As sent, in the sent unit: the write path converts it to the catalogue's unit or refuses the unit. */
      readonly value: number;
      readonly observedAt: Date;
      readonly corrected: boolean;
      /**
       * Status, comparator and identity of a laboratory result, for the write path (lib/observations/lab-result.ts).
       * Absent for a plain final value of a device or nursing parameter: such a reading takes the write path's plain
       * insert (a million-row device export costs a fifth more CPU through the lab insert, measured 2026-12-03).
       */
      readonly lab?: TLabResult;
    }
  | { readonly outcome: "ignored"; readonly code: string }
  | {
      readonly outcome: "rejected";
      readonly rejection: TImportRejection;
      /** The monitored analyte, when the record named one: a refused result of it is shown at the bed (issue 16). */
      readonly parameter?: TParameterCode;
    };

/**
 * Value types that carry a number: HL7 NM and SN, FHIR Quantity; CSV sends none. HL7 ST is read only when it holds a
 * number, possibly censored ("<0.10"), as some laboratory systems send censored results.
 */
const NUMERIC_TYPES = new Set(["", "NM", "SN", "Quantity", "ST"]);
/** A comparator before the number: "<0.10", "< 0.10", ">=7". */
const CENSORED = /^(<=|>=|<|>)\s*(.*)$/;
/** Value types whose numbers are HL7 NM (an SN's numbers are NM too): no exponent, read by parseHl7Number. */
const HL7_NUMERIC_TYPES = new Set(["NM", "SN", "ST"]);
/** A CSV cell or a FHIR decimal, which JSON may write with an exponent (1e-7). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Decides what one record becomes, before any database lookup: a monitored parameter with a number and a time (to be
 * matched to a patient and validated by the write path), an analyte the station does not monitor (ignored, counted,
 * not an error: a blood count holds many), or a rejection naming the field. The order of the checks is the order in
 * which a person reading the record would see the problem.
 */
export function mapImportRecord({ record, codes }: { record: TImportRecord; codes: TCodeIndex }): TMappedRecord {
  const { fields } = record;
  let parameter: TParameterCode | undefined;
  const reject = (code: TImportRejectionCode, field: string, value: string, reason: string): TMappedRecord => ({
    outcome: "rejected",
    rejection: { location: formatLocation(record.location), field, value, code, reason },
    ...(parameter ? { parameter } : {}),
  });

  if (record.parameterCode !== undefined) {
    if (!isParameterCode(record.parameterCode)) {
      const known = CATALOGUE.map((p) => p.code).join(", ");
      return reject(
        "UNKNOWN_PARAMETER",
        fields.code,
        record.parameterCode,
        `unknown parameter code "${record.parameterCode}" (known: ${known})`,
      );
    }
    parameter = record.parameterCode;
  } else {
    parameter = codes.find(record.codings, record.sender);
    if (!parameter) return { outcome: "ignored", code: codes.describe(record.codings) };
  }

  const valueText = record.valueText.trim();
  switch (record.status) {
    case "final":
    case "corrected":
    case "preliminary":
      break;
    case "cancelled":
      // A withdrawal needs no value (HL7 X leaves OBX-5 empty), but must name the result it withdraws.
      if (!record.resultKey)
        return reject(
          "STATUS_NOT_ACCEPTED",
          fields.status,
          record.statusText,
          `result status "${record.statusText}" cancels a result, but the record does not say which (no order number or identifier)`,
        );
      if (!record.time.ok) return reject("INVALID_TIME", fields.time, record.timeText, record.time.reason);
      if (record.patientIdentifiers.length === 0)
        return reject("MISSING_PATIENT", fields.patient, "", "no patient identifier");
      return cancellation(record, parameter, valueText, record.time.at);
    case "pending":
      return reject(
        "PENDING_RESULT",
        fields.status,
        record.statusText,
        `pending result / no value: result status "${record.statusText}" is not final`,
      );
    case "unknown":
      return reject(
        "STATUS_NOT_ACCEPTED",
        fields.status,
        record.statusText,
        record.statusText
          ? `result status "${record.statusText}" is not one the station knows`
          : "no result status: a result must say it is final or corrected",
      );
  }

  if (valueText === "") {
    const note = record.valueNote?.trim();
    return reject(
      "PENDING_RESULT",
      fields.value,
      note ?? "",
      `pending result / no value${note ? ` (the source says "${note}")` : ""}`,
    );
  }
  const valueType = record.valueType ?? "";
  if (!NUMERIC_TYPES.has(valueType)) {
    return reject("NOT_NUMERIC", fields.value, valueText, `value type ${valueType} is not numeric`);
  }
  const number = parseNumber(valueText, valueType);
  if (!number.ok) return reject("NOT_NUMERIC", fields.value, valueText, number.reason);

  if (!record.time.ok) return reject("INVALID_TIME", fields.time, record.timeText, record.time.reason);
  if (record.patientIdentifiers.length === 0)
    return reject("MISSING_PATIENT", fields.patient, "", "no patient identifier");

  return {
    outcome: "mapped",
    record,
    parameter,
    value: number.value,
    observedAt: record.time.at,
    corrected: record.status === "corrected",
    // Undefined rather than left out: one object shape for every mapped record, built without a spread.
    lab: isLabResult(parameter, record, number.comparator)
      ? {
          status: record.status,
          ...(number.comparator ? { comparator: number.comparator } : {}),
          ...(record.resultKey ? { resultKey: record.resultKey } : {}),
          valueSent: true,
        }
      : undefined,
  };
}

/** A laboratory analyte's result, or any value sent with what only results carry (a comparator, an identity, a
 * status other than final). */
function isLabResult(parameter: TParameterCode, record: TImportRecord, comparator: TComparator | undefined): boolean {
  return (
    findParameter(parameter)?.sourceKind === "lab" ||
    comparator !== undefined ||
    record.resultKey !== undefined ||
    record.status !== "final"
  );
}

/** A withdrawal: the value, when one was sent, is kept as written; else the write path takes the withdrawn row's. */
function cancellation(record: TImportRecord, parameter: TParameterCode, valueText: string, at: Date): TMappedRecord {
  const number = valueText === "" ? undefined : parseNumber(valueText, record.valueType ?? "");
  const sent = number?.ok === true;
  return {
    outcome: "mapped",
    record,
    parameter,
    value: sent ? number.value : 0,
    observedAt: at,
    corrected: false,
    lab: { status: "cancelled", resultKey: record.resultKey, valueSent: sent },
  };
}

type TParsedNumber = { ok: true; value: number; comparator?: TComparator } | { ok: false; reason: string };

/**
 * A number, or a censored one: HL7 SN comparator^number ("<^0.10"), or a comparator written before the number
 * ("<0.10", FHIR's Quantity.comparator read the same way). A range (SN 1^-^5) or a ratio is refused: it is not one
 * value the station can plot or judge.
 */
function parseNumber(text: string, valueType: string): TParsedNumber {
  let candidate = text;
  let comparator: TComparator | undefined;
  if (valueType === "SN") {
    const [sign = "", num1 = "", separator = "", num2 = ""] = text.split("^");
    if (separator !== "" || num2 !== "") return { ok: false, reason: `"${text}" is a range or a ratio, not a number` };
    if (sign !== "" && sign !== "=") {
      if (!isComparator(sign)) return { ok: false, reason: `"${text}": comparator "${sign}" is not <, <=, > or >=` };
      comparator = sign;
    }
    candidate = num1.trim();
  } else {
    const censored = CENSORED.exec(candidate);
    if (censored) {
      comparator = censored[1] as TComparator;
      candidate = (censored[2] ?? "").trim();
    }
  }
  if (/^\d+,\d+$/.test(candidate))
    return { ok: false, reason: `"${candidate}" uses a decimal comma; send a decimal point` };
  const parsed = HL7_NUMERIC_TYPES.has(valueType) ? parseHl7Number(candidate) : parsePlain(candidate);
  if (!parsed.ok) return parsed;
  return comparator ? { ok: true, value: parsed.value, comparator } : parsed;
}

function parsePlain(candidate: string): { ok: true; value: number } | { ok: false; reason: string } {
  if (!NUMBER.test(candidate)) return { ok: false, reason: `"${candidate}" is not a number` };
  const value = Number(candidate);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `"${candidate}" is not a finite number` };
}

function isComparator(text: string): text is TComparator {
  return text === "<" || text === "<=" || text === ">" || text === ">=";
}
