import { z } from "zod";
import { ZLabResult } from "./lab-result";

export const OBSERVATION_SOURCES = ["simulator", "device", "hl7", "fhir", "csv", "manual", "round"] as const;
export const ZObservationSource = z.enum(OBSERVATION_SOURCES);
export type TObservationSource = z.infer<typeof ZObservationSource>;

/**
 * A reading as a producer (simulator, importer, device gateway) hands it to the write path. The parameter and unit
 * are free text here: the write path checks them against the catalogue and says why it refuses.
 */
export const ZReadingInput = z.object({
  /**
   * The support episode a device's reading comes from (the device feed, the simulator, a round). Absent for a reading
   * addressed to a patient (an imported result): the write path finds the patient's stay and the episode running then
   * (validateStayReading).
   */
  episodeId: z.string().min(1).max(64).optional(),
  parameter: z.string().min(1).max(64),
  value: z.number().finite(),
  unit: z.string().max(32),
  observedAt: z.date(),
  source: ZObservationSource,
  /** Identifies the reading at its source, so that a retried or re-imported reading is stored once. */
  sourceRef: z.string().min(1).max(256),
  /** A laboratory result's status, comparator and identity; absent for device, simulator and round readings. */
  lab: ZLabResult.optional(),
});
export type TReadingInput = z.infer<typeof ZReadingInput>;

export const REJECTION_CODES = [
  "INVALID_READING",
  "UNKNOWN_PARAMETER",
  "UNIT_NOT_ACCEPTED",
  "IMPLAUSIBLE_VALUE",
  "NOT_ALLOWED_VALUE",
  "FUTURE_TIME",
  "UNKNOWN_EPISODE",
  "OUTSIDE_EPISODE",
  "PARAMETER_NOT_FOR_DEVICE",
  /** A result for a patient with no open stay: not admitted (or discharged), so no bed to show it at. */
  "NOT_ADMITTED",
  /** A result timed before the patient's admission (or after the discharge). */
  "OUTSIDE_STAY",
] as const;
export type TRejectionCode = (typeof REJECTION_CODES)[number];

export interface TRejection {
  readonly code: TRejectionCode;
  /** Which field of the reading is at fault. */
  readonly field: string;
  readonly message: string;
}

export type TWriteResult =
  | { readonly status: "stored"; readonly seq: number }
  | { readonly status: "duplicate" }
  | { readonly status: "rejected"; readonly rejection: TRejection };
