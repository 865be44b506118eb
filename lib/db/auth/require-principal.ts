import type { TPrincipal } from "@/lib/auth/principal";
import { readSessionToken } from "@/lib/auth/session-cookie";
import { getDb } from "../get-db";
import { AppError } from "../../errors/app-error";
import { getAuthConfig } from "./auth-config";
import { requestContextOf } from "./request-context";
import { validateSession } from "./validate-session";

export const SESSION_ENDED = "You are not signed in, or your session has ended. Sign in again.";

/**
 * Who sent this request to a route handler. The Node server's gate has already refused requests without a valid
 * session; checking again here keeps every handler safe on its own (and in tests that call handlers directly).
 */
export async function requirePrincipal(request: Pick<Request, "headers">): Promise<TPrincipal> {
  const check = await validateSession({
    db: await getDb(),
    token: readSessionToken(request.headers.get("cookie")),
    config: getAuthConfig(),
    now: new Date(),
    context: requestContextOf(request),
  });
  if (check.status !== "valid")
    throw new AppError("UNAUTHENTICATED", SESSION_ENDED, {
      reason: check.status === "expired" ? check.reason : "none",
    });
  return check.principal;
}
