import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { AUDIT_OUTCOMES, ZAuditAction } from "./audit-actions";
import { ZPersonRole } from "./roles";

/** Lower-cased before anything compares it, so "CMartin" and "cmartin" are one account. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "at least 3 characters")
  .max(64, "at most 64 characters")
  .regex(/^[a-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");

/** NIST SP 800-63B: length over composition rules; the upper bound keeps hashing cheap for an attacker's 1 MB. */
export const PASSWORD_MIN_LENGTH = 12;
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "at most 256 characters");

export const ZSignIn = z.object({
  // Not ZUsername: a sign-in with a malformed name fails like any wrong name, without saying what the rules are.
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TSignIn = z.infer<typeof ZSignIn>;

/** A pairing code as typed on the wall screen: case, spaces and dashes do not matter. */
export const ZPairingCode = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z2-9]{8}$/, "8 letters and digits"));
export const ZPairDisplay = z.object({ code: ZPairingCode });

const ZUnitIds = z.array(z.string().min(1).max(64)).max(50);

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: ZClinicalText({ max: 120 }).min(1, "required"),
  role: ZPersonRole,
  unitIds: ZUnitIds,
  password: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    displayName: ZClinicalText({ max: 120 }).min(1, "required").optional(),
    role: ZPersonRole.optional(),
    unitIds: ZUnitIds.optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), "nothing to change");
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ password: ZNewPassword });

export const ZCreateDisplay = z.object({
  displayName: ZClinicalText({ max: 120 }).min(1, "required"),
  unitId: z.string().min(1).max(64),
});
export type TCreateDisplay = z.infer<typeof ZCreateDisplay>;

/** The audit page's filter (query string). Times are ISO 8601; the list is newest first. */
export const ZAuditQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().max(64).optional(),
  action: ZAuditAction.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  unitId: z.string().max(64).optional(),
  /** Events with an id below this (the next page of a newest-first list). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
