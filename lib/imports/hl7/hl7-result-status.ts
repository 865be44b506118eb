import type { TImportStatus } from "../import-record";

/**
 * HL7 table 0085 (observation result status) in the station's words. A preliminary result (P; R "entered, not
 * verified"; S "partial") is stored and shown as preliminary until the final one replaces it; I (specimen in lab,
 * no result yet) has no value to store. W (wrong patient) and D (deleted) withdraw a result as X does.
 */
const STATUS: Record<string, TImportStatus> = {
  F: "final",
  // U: "changed to final without retransmitting results already sent as preliminary": the value here is final.
  U: "final",
  C: "corrected",
  A: "corrected",
  P: "preliminary",
  R: "preliminary",
  S: "preliminary",
  I: "pending",
  X: "cancelled",
  D: "cancelled",
  W: "cancelled",
  N: "cancelled",
};

export function hl7ResultStatus(code: string): TImportStatus {
  return STATUS[code.trim().toUpperCase()] ?? "unknown";
}
