import { CATALOGUE, isParameterCode, type TParameterCode } from "@/lib/catalogue";
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
    }
  | { readonly outcome: "ignored"; readonly code: string }
  | { readonly outcome: "rejected"; readonly rejection: TImportRejection };

/** Value types that carry a number: HL7 NM and SN, FHIR Quantity; CSV sends none. */
const NUMERIC_TYPES = new Set(["", "NM", "SN", "Quantity"]);
/** Value types whose numbers are HL7 NM (an SN's numbers are NM too): no exponent, read by parseHl7Number. */
const HL7_NUMERIC_TYPES = new Set(["NM", "SN"]);
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
  const reject = (code: TImportRejectionCode, field: string, value: string, reason: string): TMappedRecord => ({
    outcome: "rejected",
    rejection: { location: formatLocation(record.location), field, value, code, reason },
  });

  let parameter: TParameterCode | undefined;
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
      break;
    case "pending":
      return reject(
        "PENDING_RESULT",
        fields.status,
        record.statusText,
        `pending result / no value: result status "${record.statusText}" is not final`,
      );
    case "cancelled":
      return reject(
        "STATUS_NOT_ACCEPTED",
        fields.status,
        record.statusText,
        `result status "${record.statusText}" means the result was cancelled, deleted or sent in error`,
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
  };
}

function parseNumber(text: string, valueType: string): { ok: true; value: number } | { ok: false; reason: string } {
  let candidate = text;
  if (valueType === "SN") {
    // SN: comparator^number^separator^number. Only "=" or no comparator is a plain number; "<0.5" or a range is not
    // a value the station can plot or compare, so it is refused rather than rounded to a guess.
    const [comparator = "", num1 = "", separator = "", num2 = ""] = text.split("^");
    if ((comparator !== "" && comparator !== "=") || separator !== "" || num2 !== "") {
      return { ok: false, reason: `"${text}" is a censored value or a range, not a number` };
    }
    candidate = num1;
  }
  if (/^[<>]=?/.test(candidate)) return { ok: false, reason: `"${candidate}" is a censored value, not a number` };
  if (/^\d+,\d+$/.test(candidate))
    return { ok: false, reason: `"${candidate}" uses a decimal comma; send a decimal point` };
  if (HL7_NUMERIC_TYPES.has(valueType)) return parseHl7Number(candidate);
  if (!NUMBER.test(candidate)) return { ok: false, reason: `"${candidate}" is not a number` };
  const value = Number(candidate);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `"${candidate}" is not a finite number` };
}
