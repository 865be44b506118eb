import { z } from "zod";

/**
 * Who signs in. `display` is a wall screen: read-only, bound to one unit, patients shown by initials only. The
 * clinical roles are those whose sessions end after a period without activity (an unattended tablet signs out).
 */
export const ROLES = ["nurse", "physician", "perfusionist", "admin", "display"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Roles of people, as the users page offers them; displays are made on the displays page. */
export const PERSON_ROLES = ["nurse", "physician", "perfusionist", "admin"] as const satisfies readonly TRole[];
export const ZPersonRole = z.enum(PERSON_ROLES);

/** Sessions of these roles end after SESSION_IDLE_MINUTES without activity; a display's never idles out. */
export function hasIdleTimeout(role: TRole): boolean {
  return role !== "display";
}
