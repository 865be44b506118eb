import { headers } from "next/headers";
import type { TAction } from "@/lib/auth/permissions";
import type { TPrincipal } from "@/lib/auth/principal";
import { getDb } from "../get-db";
import { AppError } from "../../errors/app-error";
import { assertBedAccess, assertCan, assertUnitAccess } from "./authorize";
import { requestContextOf } from "./request-context";

export type TPageAccess = { ok: true } | { ok: false; reason: "role" | "unit" | "not-found" };

/**
 * A page's access check (Next only): the role's right to `action` and, for a unit's or a bed's page, membership of
 * that unit. A refusal is audited like any other and answered as a reason the page shows (AccessDenied).
 */
export async function authorizePage(
  principal: TPrincipal,
  action: TAction,
  scope: { unitId?: string; bedId?: string } = {},
): Promise<TPageAccess> {
  const db = await getDb();
  const context = requestContextOf({ headers: await headers() });
  const via = `page ${action}`;
  try {
    if (scope.bedId !== undefined) await assertBedAccess({ db, principal, action, bedId: scope.bedId, context, via });
    else if (scope.unitId !== undefined)
      await assertUnitAccess({
        db,
        principal,
        action,
        unitId: scope.unitId,
        context,
        target: { type: "unit", id: scope.unitId },
        via,
      });
    else await assertCan({ db, principal, action, context, via });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND") return { ok: false, reason: "not-found" };
    if (error.code === "FORBIDDEN") return { ok: false, reason: error.details?.reason === "unit" ? "unit" : "role" };
    throw error;
  }
}
