import { canAccessUnit, type TPrincipal } from "@/lib/auth/principal";
import { can, type TAction } from "@/lib/auth/permissions";
import type { Db } from "../client";
import { actorOf, recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

interface TAuthorize {
  db: Db;
  principal: TPrincipal;
  action: TAction;
  context: TRequestContext | null;
  /** What was asked for, for the audit trail (e.g. { type: "bed", id }). */
  target?: { type: string; id: string };
  /** "http GET /api/beds/x", "socket bed:subscribe": how it was asked. */
  via?: string;
}

/** Refuses (and audits) an action the principal's role may not do. */
export async function assertCan({ db, principal, action, context, target, via }: TAuthorize): Promise<void> {
  if (can(principal.role, action)) return;
  await deny({ db, principal, action, context, target, via, unitId: null, reason: "role" });
}

/** Refuses (and audits) an action on a unit's data unless the role may do it and the principal belongs to the unit. */
export async function assertUnitAccess(options: TAuthorize & { unitId: string }): Promise<void> {
  const { principal, action, unitId } = options;
  if (!can(principal.role, action)) await deny({ ...options, reason: "role" });
  if (!canAccessUnit(principal, unitId)) await deny({ ...options, reason: "unit" });
}

/** As assertUnitAccess, for a bed: answers the bed's unit. An unknown bed is NOT_FOUND. */
export async function assertBedAccess(options: TAuthorize & { bedId: string }): Promise<string> {
  const bed = await options.db.bed.findUnique({ where: { id: options.bedId }, select: { unitId: true } });
  if (!bed) throw new AppError("NOT_FOUND", `no bed "${options.bedId}"`, undefined, refusal("bedNotFound"));
  await assertUnitAccess({
    ...options,
    unitId: bed.unitId,
    target: options.target ?? { type: "bed", id: options.bedId },
  });
  return bed.unitId;
}

async function deny(o: TAuthorize & { unitId: string | null; reason: "role" | "unit" }): Promise<never> {
  await recordAuditEvent({
    db: o.db,
    action: "access.denied",
    outcome: "denied",
    actor: actorOf(o.principal),
    context: o.context,
    target: o.target,
    unitId: o.unitId,
    details: { action: o.action, reason: o.reason, ...(o.via ? { via: o.via } : {}) },
  });
  throw new AppError(
    "FORBIDDEN",
    o.reason === "unit"
      ? "You do not belong to this unit: its patients are not shown to you."
      : "Your role does not allow this action.",
    { action: o.action, reason: o.reason },
    refusal(o.reason === "unit" ? "forbiddenUnit" : "forbiddenRole"),
  );
}
