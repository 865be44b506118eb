import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { PROTOCOL_IDS, PROTOCOL_TIMER_STATUSES } from "./protocols";
import { STEP_FINDINGS } from "./step-finding";

const MAX_BACKDATE_MS = 24 * 3_600_000;
/** A tablet's clock a little ahead of the server's is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

const ZPastInstant = z
  .number()
  .int()
  .refine((at) => at <= Date.now() + CLOCK_SKEW_MS, "cannot be in the future")
  .refine((at) => at >= Date.now() - MAX_BACKDATE_MS, "cannot be more than 24 h ago");

/**
 * Start a protocol on the bed's patient. `anchorAt` (epoch ms) is when its clock starts: the femoral cannulation for
 * the DPC, the start of weaning; omitted, now. `episodeId` is the episode the nurse saw on the screen, so that a
 * plan is never started on a patient who replaced them in the bed meanwhile.
 */
export const ZStartProtocolInput = z.object({
  protocol: z.enum(PROTOCOL_IDS),
  episodeId: z.string().min(1).max(64),
  anchorAt: ZPastInstant.optional(),
});
export type TStartProtocolInput = z.infer<typeof ZStartProtocolInput>;

/**
 * Sign a step as done, at `doneAt` (epoch ms; omitted, now), with an optional note. A limb check also takes its
 * `finding`, and an abnormal one its comment in `note`: which steps ask for one is the operation's to judge
 * (lib/protocols/step-finding.ts checkStepFinding), as it knows the plan's steps.
 */
export const ZSignStepInput = z.object({
  stepId: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a step of the protocol")
    .max(64),
  doneAt: ZPastInstant.optional(),
  finding: z.enum(STEP_FINDINGS).optional(),
  note: ZClinicalText({ max: 300 }).optional(),
});
export type TSignStepInput = z.infer<typeof ZSignStepInput>;

export const ZCancelProtocolInput = z.object({ reason: ZClinicalText({ max: 300 }).min(3) });
export type TCancelProtocolInput = z.infer<typeof ZCancelProtocolInput>;

export const ZProtocolPlanDto = z.object({
  id: z.string(),
  unitId: z.string(),
  bedId: z.string(),
  bedLabel: z.string(),
  episodeId: z.string(),
  /** The episode ended (the balloon is out): the plan's remaining steps still run on it. */
  episodeEnded: z.boolean(),
  protocol: z.enum(PROTOCOL_IDS),
  version: z.number().int(),
  anchorAt: z.number(),
  startedAt: z.number(),
  startedBy: z.string(),
  status: z.enum(PROTOCOL_TIMER_STATUSES),
  endedAt: z.number().nullable(),
  cancelReason: z.string().nullable(),
  signatures: z.array(
    z.object({
      stepId: z.string(),
      occurrence: z.number().int(),
      doneAt: z.number(),
      signedBy: z.string(),
      /** A limb check's finding; null for the other steps. */
      finding: z.enum(STEP_FINDINGS).nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type TProtocolPlanDto = z.infer<typeof ZProtocolPlanDto>;

/** A bed's protocols: the plans under way and those ended in the last day, and which protocols may be started. */
export const ZBedProtocols = z.object({
  bedId: z.string(),
  serverTime: z.number(),
  episode: z.object({ id: z.string(), deviceType: z.enum(["VA_ECMO", "IABP", "VA_ECMO_IABP"]) }).nullable(),
  startable: z.array(z.enum(PROTOCOL_IDS)),
  plans: z.array(ZProtocolPlanDto),
});
export type TBedProtocols = z.infer<typeof ZBedProtocols>;

/** A unit's plans under way, for the station's tiles, the rounds and the handover. */
export const ZUnitProtocols = z.object({
  unitId: z.string(),
  serverTime: z.number(),
  plans: z.array(ZProtocolPlanDto),
});
export type TUnitProtocols = z.infer<typeof ZUnitProtocols>;
