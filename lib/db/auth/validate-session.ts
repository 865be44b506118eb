import type { TPrincipal } from "@/lib/auth/principal";
import { hasIdleTimeout, type TRole } from "@/lib/auth/roles";
import type { Db } from "../client";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import type { TAuthConfig } from "./auth-config";
import { hashToken } from "./session-token";

interface TSessionRow {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date | null;
  user: { id: string; username: string };
}

/** Whether a session has ended by itself at `now`: idle too long (clinical roles), or past its maximum age. */
export function sessionEnd(
  session: Omit<TSessionRow, "user">,
  role: TRole,
  config: TAuthConfig,
  now: Date,
): "idle" | "max-age" | undefined {
  if (session.expiresAt !== null && now.getTime() > session.expiresAt.getTime()) return "max-age";
  if (hasIdleTimeout(role) && now.getTime() - session.lastActiveAt.getTime() > config.idleTimeoutMs) return "idle";
  return undefined;
}

/**
 * Deletes an ended session and audits its expiry, once: two requests (or a request and the socket sweep) may find
 * the same expired session, and only the one whose delete removed it writes the event.
 */
export async function expireSession(o: {
  db: Db;
  session: TSessionRow;
  reason: "idle" | "max-age";
  role?: TRole;
  context: TRequestContext | null;
  now: Date;
}): Promise<void> {
  const { count } = await o.db.session.deleteMany({ where: { id: o.session.id } });
  if (count !== 1) return;
  await recordAuditEvent({
    db: o.db,
    action: "auth.session-expired",
    actor: { userId: o.session.user.id, username: o.session.user.username, role: o.role ?? null },
    context: o.context,
    details: {
      reason: o.reason,
      lastActiveAt: o.session.lastActiveAt.toISOString(),
      signedInAt: o.session.createdAt.toISOString(),
    },
    now: o.now,
  });
}

export type TSessionCheck =
  { status: "valid"; principal: TPrincipal } | { status: "none" } | { status: "expired"; reason: "idle" | "max-age" };

export interface TValidateSession {
  db: Db;
  token: string | undefined;
  config: TAuthConfig;
  now: Date;
  /**
   * Counts this request as the person's activity (pages, changes, the screen's activity report). Background
   * refreshes and socket traffic do not, so an unattended screen still reaches its idle timeout.
   */
  touch?: boolean;
  context?: TRequestContext | null;
}

/** Writes of lastActiveAt closer together than this are skipped: a page's burst of requests is one activity. */
const TOUCH_EVERY_MS = 15_000;

/**
 * Resolves a session token to who is signed in. An expired session is deleted and its expiry audited, once; a
 * deactivated user's sessions are refused (and deleted) even before an admin's sign-out reaches them.
 */
export async function validateSession({
  db,
  token,
  config,
  now,
  touch = false,
  context = null,
}: TValidateSession): Promise<TSessionCheck> {
  if (!token || token.length > 100) return { status: "none" };
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          active: true,
          units: { select: { unitId: true } },
        },
      },
    },
  });
  if (!session) return { status: "none" };
  const { role } = session.user;
  if (!session.user.active) {
    await db.session.deleteMany({ where: { id } });
    return { status: "none" };
  }

  const ended = sessionEnd(session, role, config, now);
  if (ended) {
    await expireSession({ db, session, reason: ended, role: role, context, now });
    return { status: "expired", reason: ended };
  }

  if (touch && now.getTime() - session.lastActiveAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id }, data: { lastActiveAt: now } });
  }
  return {
    status: "valid",
    principal: {
      sessionId: id,
      userId: session.user.id,
      username: session.user.username,
      displayName: session.user.displayName,
      role: role,
      unitIds: session.user.units.map((u) => u.unitId).sort(),
      idleTimeoutMinutes: hasIdleTimeout(role) ? Math.round(config.idleTimeoutMs / 60_000) : null,
    },
  };
}
