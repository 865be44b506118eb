import { z } from "zod";
import type { TResultStatus } from "@/lib/observations/lab-result";
import { REJECTION_CODES } from "@/lib/observations/reading";
import type { TAdtMessage } from "./hl7/adt-message";

/** What an import reads: HL7 v2 ORU^R01, FHIR R4 JSON, the documented CSV columns, or a MIMIC-IV labevents extract. */
export const IMPORT_KINDS = ["hl7", "fhir", "csv", "mimic"] as const;
export const ZImportKind = z.enum(IMPORT_KINDS);
export type TImportKind = z.infer<typeof ZImportKind>;

/** Where a record sits in its source: enough for a person to open the file and find it. */
export interface TImportLocation {
  readonly file: string;
  /** 1-based line of the file (an HL7 segment or a CSV row); absent for a JSON entry or an MLLP message. */
  readonly line?: number;
  /** "OBX[3]" (HL7 set id), or a FHIR resource's reference. */
  readonly segment?: string;
  /** 0-based index of the entry in a FHIR Bundle. */
  readonly entry?: number;
}

export function formatLocation(location: TImportLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.entry !== undefined) parts.push(`entry[${location.entry}]`);
  if (location.segment) parts.push(location.segment);
  return parts.join(" ");
}

/** A code as the source sent it; `system` is normalised ("LN" for LOINC, whatever the source called it). */
export interface TCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/**
 * Result status as read, HL7 table 0085 / FHIR ObservationStatus brought to one vocabulary: the stored statuses
 * (lib/observations/lab-result.ts), "pending" for a result with no value yet (HL7 I, FHIR registered), "unknown".
 */
export type TImportStatus = TResultStatus | "pending" | "unknown";

export type TParsedTime = { readonly ok: true; readonly at: Date } | { readonly ok: false; readonly reason: string };

/**
 * One result as read from a source, before it is checked against the catalogue: what the sender said, in its own
 * terms, and the names of its fields so that a rejection points at "OBX-6" or "valueuom", not at our model.
 */
export interface TImportRecord {
  readonly location: TImportLocation;
  readonly fields: {
    readonly patient: string;
    readonly code: string;
    readonly value: string;
    readonly unit: string;
    readonly time: string;
    readonly status: string;
  };
  /** The sending application (MSH-3, a Bundle's source): a local-code table may hold entries for one sender only. */
  readonly sender?: string;
  /** Candidate identifiers of the patient, best first (an MR-typed one before others); empty when none was sent. */
  readonly patientIdentifiers: readonly string[];
  /** The codings sent for the analyte, or a catalogue parameter code named directly (the CSV `parameter` column). */
  readonly codings: readonly TCoding[];
  readonly parameterCode?: string;
  /** HL7 OBX-2 ("NM", "CWE", …), "Quantity" or another FHIR value[x] type; absent for CSV. */
  readonly valueType?: string;
  readonly valueText: string;
  /** Extra words for an empty value (MIMIC's comments column: "UNABLE TO REPORT."). */
  readonly valueNote?: string;
  readonly unit: string;
  readonly time: TParsedTime;
  readonly timeText: string;
  readonly status: TImportStatus;
  readonly statusText: string;
  /** Deterministic, so that importing the same source again finds the readings already stored. */
  readonly sourceRef: string;
  /**
   * "The same result" across messages, so that a correction or a cancellation finds what it replaces: HL7 order
   * number (OBR-3 filler, else OBR-2 placer) + OBX-3 + OBX-4; FHIR the Observation's identifier or id. Absent when
   * the source names no result (CSV): such a record is never taken for a correction of another.
   */
  readonly resultKey?: string;
}

export const IMPORT_REJECTION_CODES = [
  ...REJECTION_CODES,
  "UNREADABLE",
  "PENDING_RESULT",
  "STATUS_NOT_ACCEPTED",
  "NOT_NUMERIC",
  "INVALID_TIME",
  "MISSING_PATIENT",
  "UNKNOWN_PATIENT",
  "NO_ACTIVE_EPISODE",
  /** An ADT message of a file the station refused (unknown bed, occupied bed, patient not admitted…). */
  "ADT_REFUSED",
] as const;
export type TImportRejectionCode = (typeof IMPORT_REJECTION_CODES)[number];

/** A record the import refused: where, which field, what it held, and why, in words a person can act on. */
export interface TImportRejection {
  readonly location: string;
  readonly field: string;
  readonly value: string;
  readonly code: TImportRejectionCode;
  readonly reason: string;
}

/** What a reader yields: a record to map, or a piece of the source it could not read at all. */
export type TImportItem =
  | { readonly type: "record"; readonly record: TImportRecord }
  | { readonly type: "unreadable"; readonly rejection: TImportRejection; readonly entry?: number }
  /** An ADT message among a file's results (lib/imports/hl7/read-adt-message.ts), applied where it stands. */
  | { readonly type: "adt"; readonly message: TAdtMessage; readonly location: string };

/** Readers yield items one by one or, where the source is large, in arrays (one await per chunk, not per row). */
export type TImportChunk = TImportItem | readonly TImportItem[];
