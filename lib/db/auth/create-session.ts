import { hasIdleTimeout, type TRole } from "@/lib/auth/roles";
import type { Db } from "../client";
import type { TRequestContext } from "../audit/record-audit-event";
import type { TAuthConfig } from "./auth-config";
import { hashToken, newSessionToken } from "./session-token";

export interface TCreateSession {
  db: Pick<Db, "session">;
  userId: string;
  role: TRole;
  config: TAuthConfig;
  context: TRequestContext | null;
  now: Date;
}

/** Opens a session and returns the token for the cookie; only its hash is stored. */
export async function createSession({ db, userId, role, config, context, now }: TCreateSession): Promise<string> {
  const token = newSessionToken();
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastActiveAt: now,
      // A display stays signed in until an admin revokes it: a wall screen has nobody to sign it in again at 3 am.
      expiresAt: hasIdleTimeout(role) ? new Date(now.getTime() + config.maxAgeMs) : null,
      ipAddress: context?.ipAddress ?? null,
      userAgent: context?.userAgent?.slice(0, 300) ?? null,
    },
  });
  return token;
}
