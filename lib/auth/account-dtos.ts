import { z } from "zod";
import { ZRole } from "./roles";

/*
 * The answers of the administration API, as the server builds them (lib/db/users/user-dto.ts,
 * lib/db/displays/display-dto.ts) and as the admin pages parse them. Here rather than in lib/db so that the
 * browser may import them: one schema on both sides of the wire.
 */

/** A user as the admin pages see it: never the password hash. */
export const ZUserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  unitIds: z.array(z.string()),
  active: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  /** Open sessions now (browsers and tablets signed in). */
  sessions: z.number().int(),
  lastActiveAt: z.string().nullable(),
});
export type TUserDto = z.infer<typeof ZUserDto>;

/** A wall screen as the displays page sees it. */
export const ZDisplayDto = z.object({
  id: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Browsers signed in as this display now. */
  sessions: z.number().int(),
  lastSeenAt: z.string().nullable(),
  /** When its newest unused pairing code expires, if one is pending. */
  pairingExpiresAt: z.string().nullable(),
});
export type TDisplayDto = z.infer<typeof ZDisplayDto>;

/** A freshly issued code: shown once to the admin, never stored in clear. */
export const ZIssuedPairing = z.object({ display: ZDisplayDto, code: z.string(), expiresAt: z.string() });
export type TIssuedPairing = z.infer<typeof ZIssuedPairing>;
