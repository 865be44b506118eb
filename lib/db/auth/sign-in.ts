import type { TSessionUser } from "@/lib/auth/principal";
import { hasIdleTimeout } from "@/lib/auth/roles";
import type { TSignIn } from "@/lib/auth/schemas";
import type { Db } from "../client";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { AppError } from "../../errors/app-error";
import type { TAuthConfig } from "./auth-config";
import { createSession } from "./create-session";
import { verifyPassword } from "./password-hash";
import type { SignInThrottle } from "./sign-in-throttle";

export interface TSignInOptions {
  db: Db;
  credentials: TSignIn;
  throttle: SignInThrottle;
  config: TAuthConfig;
  context: TRequestContext;
  now?: () => Date;
}

/** The one answer to every failed sign-in: it must not tell an existing name from an unknown one. */
export const SIGN_IN_FAILED = "The username or password is incorrect.";

/**
 * Checks a username and password and opens a session. Every outcome is audited with its real reason (wrong password,
 * unknown name, deactivated, throttled); the caller only ever learns "incorrect" or "paused, retry later". Repeated
 * failures make this name from this address (or this address) wait longer each time (sign-in-throttle.ts); the same
 * name from another address is not made to wait.
 */
export async function signIn({
  db,
  credentials,
  throttle,
  config,
  context,
  now = () => new Date(),
}: TSignInOptions): Promise<{ token: string; user: TSessionUser }> {
  const { username, password } = credentials;
  const address = context.ipAddress ?? "unknown";
  const tried = { userId: null, username, role: null };

  const state = await throttle.check(username, address);
  if (state.blocked) {
    await recordAuditEvent({
      db,
      action: "auth.sign-in-failed",
      outcome: "denied",
      actor: tried,
      context,
      details: { reason: "throttled", retryAfterSeconds: state.retryAfterSeconds },
      now: now(),
    });
    throw pausedError(state.retryAfterSeconds);
  }

  const user = await db.user.findUnique({ where: { username }, include: { units: { select: { unitId: true } } } });
  // Verified even for an unknown or deactivated name (against a dummy hash), so the answer takes the same time.
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !user.active || !passwordOk) {
    const reason = !user
      ? "unknown-username"
      : !user.active
        ? "deactivated"
        : !user.passwordHash
          ? "no-password"
          : "wrong-password";
    const actor = user ? { userId: user.id, username: user.username, role: user.role } : tried;
    await recordAuditEvent({
      db,
      action: "auth.sign-in-failed",
      outcome: "failure",
      actor,
      context,
      details: { reason },
      now: now(),
    });
    const failure = await throttle.fail(username, address);
    if (failure.delayed) {
      await recordAuditEvent({
        db,
        action: "auth.locked-out",
        outcome: "denied",
        actor,
        context,
        details: { retryAfterSeconds: failure.retryAfterSeconds },
        now: now(),
      });
      throw pausedError(failure.retryAfterSeconds);
    }
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }

  await throttle.succeed(username, address);
  const at = now();
  const token = await db.$transaction(async (tx) => {
    const created = await createSession({ db: tx, userId: user.id, role: user.role, config, context, now: at });
    await recordAuditEvent({
      db: tx,
      action: "auth.sign-in",
      actor: { userId: user.id, username: user.username, role: user.role },
      context,
      now: at,
    });
    return created;
  });
  return {
    token,
    user: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitIds: user.units.map((u) => u.unitId).sort(),
      idleTimeoutMinutes: hasIdleTimeout(user.role) ? Math.round(config.idleTimeoutMs / 60_000) : null,
    },
  };
}

function pausedError(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "RATE_LIMITED",
    `Too many failed attempts. Sign-in is paused; try again in ${minutes} min or ask an administrator.`,
    { retryAfterSeconds },
  );
}
