import { z } from "zod";

/**
 * What the audit trail records. Later clinical features add theirs here (alarm acknowledgement, threshold change,
 * checklist and handover signatures), so that the audit page's filter knows every action.
 */
export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.locked-out",
  "auth.sign-out",
  "auth.sign-out-everywhere",
  "auth.session-expired",
  "access.denied",
  "audit.exported",
  "user.created",
  "user.updated",
  "user.deactivated",
  "user.reactivated",
  "user.password-reset",
  "display.created",
  "display.pairing-issued",
  "display.paired",
  "display.pairing-failed",
  "display.revoked",
  "score.recorded",
  "import.run",
  "simulator.feed-changed",
  "handover.drafted",
  "handover.signed-out",
  "handover.received",
  "handover.amended",
  "handover.action-added",
  "handover.action-done",
  "shift.pattern-changed",
  "unit.points-of-care-changed",
  "alarm.raised",
  "alarm.resumed",
  "alarm.latched",
  "alarm.cleared",
  "alarm.acknowledged",
  "alarm.superseded",
  "alarm.episode-ended",
  "alarm.discharged",
  "alarm.withdrawn",
  "alarm.audio-paused",
  "alarm.limit-changed",
  "lab-refusal.resolved",
  "round.signed",
  "round.amended",
  "round-template.published",
  "socket.refused",
  "protocol.started",
  "protocol.step-signed",
  "protocol.cancelled",
  "stay.admitted",
  "stay.moved",
  "stay.discharged",
  "stay.admission-cancelled",
  "stay.transfer-cancelled",
  "stay.discharge-cancelled",
  "patient.updated",
  "patient.merged",
  "adt.refused",
  "episode.started",
  "episode.settings-changed",
  "episode.ended",
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export const ZAuditOutcome = z.enum(AUDIT_OUTCOMES);
export type TAuditOutcome = z.infer<typeof ZAuditOutcome>;

/** One row of the trail as the audit page and its CSV show it. */
export const ZAuditEventDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  unitId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEventDto = z.infer<typeof ZAuditEventDto>;

/**
 * An audited change made by a hospital interface rather than a person (an ADT feed): its actor name is this prefix
 * and the sending system (MSH-3[@MSH-4]), which the audit page shows as "HL7 interface (SENDER)".
 */
export const INTERFACE_ACTOR_PREFIX = "hl7:";
