import type { TPrincipal } from "@/lib/auth/principal";
import type { Db } from "../client";
import { actorOf, recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";

export interface TSignOut {
  db: Db;
  principal: TPrincipal;
  /** Every session of the user (every browser and tablet), not only this one. */
  everywhere: boolean;
  context: TRequestContext;
  now?: Date;
}

/** Ends this session, or all of the user's; answers the ids of the sessions ended, whose sockets are then closed. */
export async function signOut({ db, principal, everywhere, context, now = new Date() }: TSignOut): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const where = everywhere ? { userId: principal.userId } : { id: principal.sessionId };
    const ended = (await tx.session.findMany({ where, select: { id: true } })).map((s) => s.id);
    await tx.session.deleteMany({ where: { id: { in: ended } } });
    await recordAuditEvent({
      db: tx,
      action: everywhere ? "auth.sign-out-everywhere" : "auth.sign-out",
      actor: actorOf(principal),
      context,
      details: everywhere ? { sessionsEnded: ended.length } : {},
      now,
    });
    return ended;
  });
}
