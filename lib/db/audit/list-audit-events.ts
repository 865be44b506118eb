import type { TAuditEventDto } from "@/lib/auth/audit-actions";
import type { TAuditQuery } from "@/lib/auth/schemas";
import type { Db } from "../client";

export interface TAuditPage {
  events: TAuditEventDto[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** The audit trail, newest first, filtered; paged by id so that events added meanwhile do not shift the pages. */
export async function listAuditEvents({ db, query }: { db: Db; query: TAuditQuery }): Promise<TAuditPage> {
  const rows = await db.auditEvent.findMany({
    where: {
      at: { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined },
      id: query.before ? { lt: query.before } : undefined,
      action: query.action,
      outcome: query.outcome,
      unitId: query.unitId,
      ...(query.actor ? { OR: [{ actorName: { contains: query.actor } }, { actorId: query.actor }] } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      actorRole: row.actorRole,
      action: row.action,
      outcome: row.outcome,
      targetType: row.targetType,
      targetId: row.targetId,
      unitId: row.unitId,
      ipAddress: row.ipAddress,
      userAgent: row.userAgent,
      details: parseDetails(row.details),
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

function parseDetails(details: unknown): Record<string, unknown> {
  return details !== null && typeof details === "object" && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}
