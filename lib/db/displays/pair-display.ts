import type { TSessionUser } from "@/lib/auth/principal";
import type { Db } from "../client";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import type { TAuthConfig } from "../auth/auth-config";
import { createSession } from "../auth/create-session";
import { hashToken } from "../auth/session-token";
import type { SignInThrottle } from "../auth/sign-in-throttle";
import { AppError } from "../../errors/app-error";

export interface TPairDisplay {
  db: Db;
  code: string;
  throttle: SignInThrottle;
  config: TAuthConfig;
  context: TRequestContext;
  now?: () => Date;
}

export const PAIRING_FAILED = "This pairing code is not valid or has expired. Ask an administrator for a new one.";

/**
 * Signs this browser in as the display the code was issued for. The code is spent in the same transaction that opens
 * the session, so two screens typing it at once cannot both pair. Failures count against the address like failed
 * sign-ins (a code is 40 bits; guessing is throttled).
 */
export async function pairDisplay({
  db,
  code,
  throttle,
  config,
  context,
  now = () => new Date(),
}: TPairDisplay): Promise<{ token: string; user: TSessionUser }> {
  const address = context.ipAddress ?? "unknown";
  // Throttled per screen, under a name no account can have (usernames have no colon). One key for every screen would
  // let anyone lock pairing for the whole hospital with five wrong codes; guessing is slowed per address instead.
  const key = `pairing:${address}`;
  const state = await throttle.check(key, address);
  if (state.blocked)
    throw new AppError(
      "RATE_LIMITED",
      `Too many wrong codes from this screen; try again in ${Math.ceil(state.retryAfterSeconds / 60)} min.`,
      { retryAfterSeconds: state.retryAfterSeconds },
    );

  const at = now();
  const id = hashToken(code);
  const result = await db.$transaction(async (tx) => {
    const spent = await tx.displayPairing.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: at }, user: { active: true, role: "display" } },
      data: { usedAt: at },
    });
    if (spent.count !== 1) return undefined;
    const pairing = await tx.displayPairing.findUniqueOrThrow({
      where: { id },
      include: { user: { include: { units: { select: { unitId: true } } } } },
    });
    const user = pairing.user;
    const token = await createSession({ db: tx, userId: user.id, role: "display", config, context, now: at });
    await recordAuditEvent({
      db: tx,
      action: "display.paired",
      actor: { userId: user.id, username: user.username, role: "display" },
      context,
      target: { type: "display", id: user.id },
      unitId: user.units[0]?.unitId,
      now: at,
    });
    const sessionUser: TSessionUser = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "display",
      unitIds: user.units.map((u) => u.unitId),
      idleTimeoutMinutes: null,
    };
    return { token, user: sessionUser };
  });
  if (!result) {
    await recordAuditEvent({ db, action: "display.pairing-failed", outcome: "failure", actor: null, context, now: at });
    await throttle.fail(key, address);
    throw new AppError("UNAUTHENTICATED", PAIRING_FAILED);
  }
  return result;
}
