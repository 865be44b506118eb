import type { TStayDisposition } from "@/lib/stays/stay";

/** The ADT trigger events the station acts on (HL7 v2.5.1 chapter 3). */
export const ADT_EVENTS = ["A01", "A02", "A03", "A08", "A11", "A12", "A13", "A40"] as const;
export type TAdtEvent = (typeof ADT_EVENTS)[number];

/** PV1-3 (PL): point of care ^ room ^ bed. */
export interface TAdtLocation {
  readonly pointOfCare: string;
  readonly room: string;
  readonly bed: string;
}

/** An instant the message gave and the field it came from, so that a refusal names it. */
export interface TAdtTime {
  readonly at: Date;
  readonly field: "EVN-6" | "EVN-2" | "PV1-44" | "PV1-45";
}

/** One ADT message as the station reads it: what the ADT layer (lib/db/adt) maps to one stay operation. */
export interface TAdtMessage {
  readonly event: TAdtEvent;
  readonly controlId: string;
  /** MSH-3[@MSH-4], the sending system: the actor of what the message does. */
  readonly sender: string;
  /** PID-3, medical record number first. */
  readonly mrn: string;
  readonly patient: {
    readonly givenName: string;
    readonly familyName: string;
    /** YYYY-MM-DD, or null when PID-7 is empty. */
    readonly birthDate: string | null;
    readonly sex: "F" | "M" | "O" | "U" | null;
  };
  /** PV1-3, null when empty. */
  readonly location: TAdtLocation | null;
  /** When it happened (EVN-6, else PV1-44 for an admission or PV1-45 for a discharge, else EVN-2); null: now. */
  readonly time: TAdtTime | null;
  /** PV1-36 read through HL7 table 0112; null when empty. */
  readonly disposition: TStayDisposition | null;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
  /** DG1-3's text (else its code), the admission diagnosis. */
  readonly diagnosis: string | null;
  /** MRG-1 (A40): the MRN merged into PID-3's. */
  readonly priorMrn: string | null;
}
