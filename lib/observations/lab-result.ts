import { z } from "zod";

/**
 * A laboratory result's status, HL7 v2 table 0085 (OBX-11) and FHIR ObservationStatus brought to one vocabulary.
 * final: signed by the lab; corrected: replaces a result sent before (HL7 C, FHIR amended/corrected); preliminary: may
 * still change, shown as such; cancelled: withdrawn (HL7 X/D/W, FHIR cancelled/entered-in-error), leaves current views.
 */
export const RESULT_STATUSES = ["final", "corrected", "preliminary", "cancelled"] as const;
export const ZResultStatus = z.enum(RESULT_STATUSES);
export type TResultStatus = z.infer<typeof ZResultStatus>;

/** A censored value's comparator, as HL7 SN component 1 and FHIR Quantity.comparator write it. */
export const COMPARATORS = ["<", "<=", ">", ">="] as const;
export const ZComparator = z.enum(COMPARATORS);
export type TComparator = z.infer<typeof ZComparator>;

/**
 * What a laboratory result carries beyond a reading. `resultKey` names "the same result" across messages (HL7: order
 * number + OBX-3 + OBX-4; FHIR: the Observation's id or identifier), so that a correction or a cancellation finds the
 * row it replaces. A cancellation may come without a value (HL7 X leaves OBX-5 empty): `valueSent` false then, and
 * the write path stores the replaced row's value beside the cancelled status.
 */
export const ZLabResult = z.object({
  status: ZResultStatus,
  comparator: ZComparator.optional(),
  resultKey: z.string().min(1).max(256).optional(),
  valueSent: z.boolean(),
});
export type TLabResult = z.infer<typeof ZLabResult>;

/** "< 0.10": the comparator written before the number, as the lab wrote it. */
export function formatCensored(comparator: TComparator | null | undefined, value: string): string {
  return comparator ? `${comparator.replace("<=", "≤").replace(">=", "≥")} ${value}` : value;
}

/**
 * The value a rule should judge a censored result by, conservatively: "< 0.10" is at most 0.10, "> 0.7" more than
 * 0.7. A rule with a strict limit ("above 0.7") is met by "> 0.7"; so the value is nudged just past its limit, by
 * one part in a million, which no displayed precision shows and which changes no other comparison.
 */
export function judgedValue(value: number, comparator: TComparator | null | undefined): number {
  const nudge = Math.max(Math.abs(value) * 1e-6, 1e-9);
  if (comparator === ">") return value + nudge;
  if (comparator === "<") return value - nudge;
  return value;
}
