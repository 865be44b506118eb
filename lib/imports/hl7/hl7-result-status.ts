import type { TResultStatus } from "../import-record";

/**
 * HL7 table 0085 (observation result status) in the station's words. Only final and corrected results are stored:
 * a preliminary value may still change, and the station must not raise a flag on a number the lab has not signed.
 */
const STATUS: Record<string, TResultStatus> = {
  F: "final",
  // U: "changed to final without retransmitting results already sent as preliminary": the value here is final.
  U: "final",
  C: "corrected",
  A: "corrected",
  P: "pending",
  I: "pending",
  R: "pending",
  S: "pending",
  X: "cancelled",
  D: "cancelled",
  W: "cancelled",
  N: "cancelled",
};

export function hl7ResultStatus(code: string): TResultStatus {
  return STATUS[code.trim().toUpperCase()] ?? "unknown";
}
