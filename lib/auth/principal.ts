import { z } from "zod";
import { can, type TAction } from "./permissions";
import { ZRole } from "./roles";

/**
 * Who is signed in, as the server resolved it from the session cookie, and as the screens receive it: never a
 * password hash, never the session's token or id.
 */
export const ZSessionUser = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  unitIds: z.array(z.string()),
  /** Minutes without activity after which the session ends; null for a display. */
  idleTimeoutMinutes: z.number().int().positive().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/** On the server: the session user plus the session it came from (to sign it out, to audit it). */
export interface TPrincipal extends TSessionUser {
  sessionId: string;
}

export function canAccessUnit(user: Pick<TSessionUser, "unitIds">, unitId: string): boolean {
  return user.unitIds.includes(unitId);
}

/** May this user do `action` on data of `unitId`? Both the role and the unit must allow it. */
export function canInUnit(user: Pick<TSessionUser, "role" | "unitIds">, action: TAction, unitId: string): boolean {
  return can(user.role, action) && canAccessUnit(user, unitId);
}

/** The screens' copy: what a client may know of the principal. */
export function toSessionUser(principal: TPrincipal): TSessionUser {
  const { sessionId: _omit, ...user } = principal;
  return user;
}
