import type { TSessionEndReason } from "@/lib/realtime/events";
import type { Db } from "../client";
import type { TAuthConfig } from "./auth-config";
import { expireSession, sessionEnd } from "./validate-session";

/**
 * Of the sessions behind open sockets, those that have ended and why: deleted (signed out, or revoked by an admin,
 * which deletes them), the user deactivated, or expired now (then deleted and audited here, as a request would).
 */
export async function findEndedSessions({
  db,
  sessionIds,
  config,
  now,
}: {
  db: Db;
  sessionIds: readonly string[];
  config: TAuthConfig;
  now: Date;
}): Promise<Map<string, TSessionEndReason>> {
  const ended = new Map<string, TSessionEndReason>();
  if (sessionIds.length === 0) return ended;
  const rows = await db.session.findMany({
    where: { id: { in: [...sessionIds] } },
    include: { user: { select: { id: true, username: true, role: true, active: true } } },
  });
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const id of sessionIds) {
    const row = found.get(id);
    if (!row) {
      ended.set(id, "signed-out");
      continue;
    }
    if (!row.user.active) {
      await db.session.deleteMany({ where: { id } });
      ended.set(id, "revoked");
      continue;
    }
    const reason = sessionEnd(row, row.user.role, config, now);
    if (reason) {
      await expireSession({ db, session: row, reason, role: row.user.role, context: null, now });
      ended.set(id, "expired");
    }
  }
  return ended;
}
