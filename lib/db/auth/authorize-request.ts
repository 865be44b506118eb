import { can, type TAction } from "@/lib/auth/permissions";
import type { TPrincipal } from "@/lib/auth/principal";
import type { TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getDb } from "../get-db";
import { assertBedAccess, assertCan, assertUnitAccess } from "./authorize";
import { requestContextOf } from "./request-context";
import { requirePrincipal } from "./require-principal";

export interface TAuthorized {
  db: Db;
  principal: TPrincipal;
  context: TRequestContext;
}

type TRequestLike = Pick<Request, "headers" | "method" | "url">;

function via(request: TRequestLike): string {
  return `http ${request.method} ${new URL(request.url).pathname}`;
}

/**
 * The access check of a route handler, in one call: a session (401), the role's right to `action` (403), and, for
 * a unit's or a bed's data, membership of that unit (403, audited). Answers what the operation then needs.
 */
export async function authorizeAction(request: TRequestLike, action: TAction): Promise<TAuthorized> {
  const principal = await requirePrincipal(request);
  const db = await getDb();
  const context = requestContextOf(request);
  await assertCan({ db, principal, action, context, via: via(request) });
  return { db, principal, context };
}

/**
 * `action` may be a list, for data that more than one right reads (a unit's shift pattern: those who read its
 * handover, and the administrator who sets it): the first one the role holds is checked, else the first one is.
 */
export async function authorizeUnit(
  request: TRequestLike,
  action: TAction | readonly [TAction, ...TAction[]],
  unitId: string,
): Promise<TAuthorized> {
  const principal = await requirePrincipal(request);
  const db = await getDb();
  const context = requestContextOf(request);
  const checked = typeof action === "string" ? action : (action.find((a) => can(principal.role, a)) ?? action[0]);
  await assertUnitAccess({
    db,
    principal,
    action: checked,
    unitId,
    context,
    target: { type: "unit", id: unitId },
    via: via(request),
  });
  return { db, principal, context };
}

export async function authorizeBed(
  request: TRequestLike,
  action: TAction,
  bedId: string,
): Promise<TAuthorized & { unitId: string }> {
  const principal = await requirePrincipal(request);
  const db = await getDb();
  const context = requestContextOf(request);
  const unitId = await assertBedAccess({ db, principal, action, bedId, context, via: via(request) });
  return { db, principal, context, unitId };
}

/** As authorizeBed, for one round (NOT_FOUND when there is none): checked against the round's unit. */
export async function authorizeRound(
  request: TRequestLike,
  action: TAction,
  roundId: string,
): Promise<TAuthorized & { unitId: string }> {
  const principal = await requirePrincipal(request);
  const db = await getDb();
  const context = requestContextOf(request);
  const round = await db.round.findUnique({ where: { id: roundId }, select: { unitId: true } });
  if (!round) throw new AppError("NOT_FOUND", `No round "${roundId}".`, undefined, refusal("roundNotFound"));
  await assertUnitAccess({
    db,
    principal,
    action,
    unitId: round.unitId,
    context,
    target: { type: "round", id: roundId },
    via: via(request),
  });
  return { db, principal, context, unitId: round.unitId };
}
