import type { TAuditAction, TAuditOutcome } from "@/lib/auth/audit-actions";
import type { TRole } from "@/lib/auth/roles";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

/** Who did it and from where, as every audited operation receives it. */
export interface TAuditActor {
  userId: string | null;
  /** The account's username, or the name that was typed at a failed sign-in. */
  username: string | null;
  role: TRole | null;
}

export interface TRequestContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface TRecordAuditEvent {
  /** The client or the transaction the audited change is made in, so that both commit or neither does. */
  db: Pick<Db, "auditEvent">;
  action: TAuditAction;
  outcome?: TAuditOutcome;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  target?: { type: string; id: string };
  unitId?: string | null;
  details?: Prisma.InputJsonObject;
  now?: Date;
}

/** Appends one event to the audit trail. There is no update or delete counterpart, by design. */
export async function recordAuditEvent(event: TRecordAuditEvent): Promise<void> {
  await event.db.auditEvent.create({
    data: {
      at: event.now ?? new Date(),
      actorId: event.actor?.userId ?? null,
      actorName: event.actor?.username ?? null,
      actorRole: event.actor?.role ?? null,
      action: event.action,
      outcome: event.outcome ?? "success",
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      unitId: event.unitId ?? null,
      ipAddress: event.context?.ipAddress ?? null,
      // Bounded: a forged header must not bloat the trail.
      userAgent: event.context?.userAgent?.slice(0, 300) ?? null,
      details: event.details ?? {},
    },
  });
}

export function actorOf(principal: { userId: string; username: string; role: TRole }): TAuditActor {
  return { userId: principal.userId, username: principal.username, role: principal.role };
}
