import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { ZHandoverData, ZIllnessSeverity } from "./handover-data";

export const HANDOVER_STATUSES = ["not_started", "draft", "signed_out", "received"] as const;
export const ZHandoverStatus = z.enum(HANDOVER_STATUSES);
export type THandoverStatus = z.infer<typeof ZHandoverStatus>;

// Not trimmed: a draft is saved as it is typed, and trimming would eat the space or line the nurse has just typed.
const text = (max: number) => ZClinicalText({ max, multiline: true, trim: false });
/** Why a signed-out sheet is amended: at least a few words. */
const ZAmendmentReason = ZClinicalText({ max: 500, multiline: true }).min(5);

/** Situation awareness and contingency planning: "if … then …". */
export const ZContingency = z.object({
  if: ZClinicalText({ max: 300, multiline: true }).min(1, { message: "Say what would happen (if …)" }),
  then: ZClinicalText({ max: 300, multiline: true }).min(1, { message: "Say what to do then (then …)" }),
});
export type TContingency = z.infer<typeof ZContingency>;

/** The parts the outgoing nurse writes. */
export const ZHandoverContent = z.object({
  illnessSeverity: ZIllnessSeverity.nullable(),
  situation: text(2000),
  contingencies: z.array(ZContingency).max(10),
  notes: text(4000),
});
export type THandoverContent = z.infer<typeof ZHandoverContent>;

/** Saving a draft: the content and the version it was based on (0 for a sheet not started). */
export const ZSaveHandoverDraft = ZHandoverContent.extend({ version: z.number().int().nonnegative() });
export type TSaveHandoverDraft = z.infer<typeof ZSaveHandoverDraft>;

/** Signing out: the final content, which must say the illness severity. */
export const ZSignOutHandover = ZHandoverContent.extend({
  version: z.number().int().nonnegative(),
  illnessSeverity: ZIllnessSeverity,
});
export type TSignOutHandover = z.infer<typeof ZSignOutHandover>;

/** Receiving: the synthesis by receiver, in the incoming nurse's words (I-PASS "S"). */
export const ZReceiveHandover = z.object({
  readBack: ZClinicalText({ max: 2000, multiline: true }).min(10, {
    message: "Write the read-back in your own words (at least 10 characters)",
  }),
});
export type TReceiveHandover = z.infer<typeof ZReceiveHandover>;

export const AMENDABLE_FIELDS = ["illnessSeverity", "situation", "contingencies", "notes"] as const;
export const ZAmendHandover = z.discriminatedUnion("field", [
  z.object({ field: z.literal("illnessSeverity"), value: ZIllnessSeverity, reason: ZAmendmentReason }),
  z.object({ field: z.literal("situation"), value: text(2000), reason: ZAmendmentReason }),
  z.object({
    field: z.literal("contingencies"),
    value: z.array(ZContingency).max(10),
    reason: ZAmendmentReason,
  }),
  z.object({ field: z.literal("notes"), value: text(4000), reason: ZAmendmentReason }),
]);
export type TAmendHandover = z.infer<typeof ZAmendHandover>;

export const ZAddHandoverAction = z.object({
  text: ZClinicalText({ max: 500 }).min(1, { message: "Write the action" }),
});
export const ZCompleteHandoverAction = z.object({ done: z.literal(true) });

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZHandoverAction = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: z.number(),
  createdBy: ZPerson,
  doneAt: z.number().nullable(),
  doneBy: ZPerson.nullable(),
  /** Written before this shift began: carried over from an earlier sheet. */
  carriedOver: z.boolean(),
});
export type THandoverAction = z.infer<typeof ZHandoverAction>;

export const ZShiftRef = z.object({
  key: z.string(),
  name: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  startTime: z.string(),
  endTime: z.string(),
});
export type TShiftRef = z.infer<typeof ZShiftRef>;

export const ZHandoverAmendment = z.object({
  id: z.string(),
  field: z.enum(AMENDABLE_FIELDS),
  /** The value in force from then on: text, a severity, or the contingencies. */
  value: z.union([z.string(), z.array(ZContingency)]),
  reason: z.string(),
  at: z.number(),
  by: ZPerson,
});
export type THandoverAmendment = z.infer<typeof ZHandoverAmendment>;

/** One bed's sheet for one shift, as the sheet page, the print layout and the review read it. */
export const ZHandoverSheetView = z.object({
  serverTime: z.number(),
  bed: z.object({ id: z.string(), label: z.string(), unitId: z.string(), unitName: z.string(), timeZone: z.string() }),
  shift: ZShiftRef,
  previousShiftKey: z.string(),
  /** Null when the next shift has not begun yet (nothing to review there). */
  nextShiftKey: z.string().nullable(),
  status: ZHandoverStatus,
  sheetId: z.string().nullable(),
  version: z.number().int(),
  /** What was signed (or the draft); `inForce` applies the amendments made since. */
  content: ZHandoverContent,
  inForce: ZHandoverContent,
  /** Null for a bed without a patient during the shift. */
  data: ZHandoverData.nullable(),
  /** True when `data` is the copy frozen at sign-out; false when it is computed now from the database. */
  frozen: z.boolean(),
  actions: z.array(ZHandoverAction),
  signedOut: z.object({ at: z.number(), by: ZPerson }).nullable(),
  received: z.object({ at: z.number(), by: ZPerson, readBack: z.string() }).nullable(),
  amendments: z.array(ZHandoverAmendment),
  lastSaved: z.object({ at: z.number(), by: ZPerson }).nullable(),
});
export type THandoverSheetView = z.infer<typeof ZHandoverSheetView>;

/** One bed on the unit handover page. */
export const ZUnitHandoverBed = z.object({
  bedId: z.string(),
  label: z.string(),
  /** Null for an empty bed. */
  patientInitials: z.string().nullable(),
  deviceType: z.string().nullable(),
  status: ZHandoverStatus,
  illnessSeverity: ZIllnessSeverity.nullable(),
  signedOut: z.object({ at: z.number(), by: z.string() }).nullable(),
  received: z.object({ at: z.number(), by: z.string() }).nullable(),
  lastSavedAt: z.number().nullable(),
  openActions: z.number().int(),
});

export const ZUnitHandover = z.object({
  serverTime: z.number(),
  unit: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  shift: ZShiftRef,
  previousShiftKey: z.string(),
  nextShiftKey: z.string().nullable(),
  beds: z.array(ZUnitHandoverBed),
  counts: z.record(ZHandoverStatus, z.number().int()),
});
export type TUnitHandover = z.infer<typeof ZUnitHandover>;

/** Query of the sheet and unit routes: a shift by its key, or the current one. */
export const ZShiftQuery = z.object({
  shift: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\/.+$/, { message: 'Expected a shift key like "2026-03-28/night"' })
    .optional(),
});

/** One past shift of a bed in the review list, with the state of its sheet. */
export interface TBedHandoverEntry {
  shiftKey: string;
  shiftName: string;
  startsAt: number;
  endsAt: number;
  status: THandoverStatus;
  illnessSeverity: string | null;
  signedOutAt: number | null;
  receivedAt: number | null;
  amendments: number;
}
