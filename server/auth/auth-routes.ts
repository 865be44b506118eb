import type { IncomingMessage, ServerResponse } from "node:http";
import { defineNodeRoutes, matchNodeRoute } from "../node-route-table";
import { toSessionUser } from "@/lib/auth/principal";
import { ZPairDisplay, ZSignIn } from "@/lib/auth/schemas";
import { clearSessionCookie, sessionSetCookie } from "@/lib/auth/session-cookie";
import type { TAuthConfig } from "@/lib/db/auth/auth-config";
import { signIn } from "@/lib/db/auth/sign-in";
import type { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import { signOut } from "@/lib/db/auth/sign-out";
import type { Db } from "@/lib/db/client";
import { pairDisplay } from "@/lib/db/displays/pair-display";
import { AppError } from "@/lib/errors/app-error";
import { contextOf, principalOf } from "./auth-gate";
import type { Logger } from "@/lib/log/logger";
import { readJson, sendError, sendJson } from "@/lib/http/node-http";

export interface TAuthRoutesOptions {
  db: Db;
  config: TAuthConfig;
  throttle: SignInThrottle;
  /** Closes the sockets of sessions that just ended, so that a signed-out screen stops receiving at once. */
  endSockets: (sessionIds: readonly string[], reason: "signed-out") => void;
  log: Logger;
}

/** How long a paired wall screen's cookie persists in its browser; the session itself lasts until revoked. */
const DISPLAY_COOKIE_DAYS = 400;

/**
 * Sign-in, sign-out and pairing, answered by the Node process: it owns the sign-in throttle and the sockets that a
 * sign-out closes. The gate (server/auth/auth-gate.ts) has already checked Origin on these posts, and the session on
 * all but sign-in and pairing.
 *   POST /api/auth/sign-in            {username, password} → the session user, and the cookie
 *   POST /api/auth/pair               {code} → signs this browser in as a display
 *   POST /api/auth/sign-out           this session;   POST /api/auth/sign-out-everywhere   all of the user's
 *   POST /api/auth/activity           the screen saw a tap or a key (the gate counted it)
 *   GET  /api/auth/session            who is signed in
 */
export const AUTH_ROUTES = defineNodeRoutes([
  { method: "POST", path: "/api/auth/sign-in", access: "public" },
  { method: "POST", path: "/api/auth/pair", access: "public" },
  { method: "POST", path: "/api/auth/sign-out", access: "signed-in" },
  { method: "POST", path: "/api/auth/sign-out-everywhere", access: "signed-in" },
  { method: "POST", path: "/api/auth/activity", access: "signed-in" },
  { method: "GET", path: "/api/auth/session", access: "signed-in" },
]);

export function authRoutes(options: TAuthRoutesOptions) {
  const { db, config, throttle, log } = options;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith("/api/auth/")) return false;
    const method = req.method ?? "GET";
    const run = async (): Promise<void> => {
      // Only what the table lists is served (its rows are the access matrix's).
      if (!matchNodeRoute(AUTH_ROUTES, method, path))
        return AUTH_ROUTES.some((r) => r.path === path)
          ? sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here` } })
          : sendJson(res, 404, { error: { code: "NOT_FOUND", message: `no route ${path}` } });
      if (path === "/api/auth/session" && method === "GET")
        return sendJson(res, 200, { user: toSessionUser(required(req)) });
      if (method !== "POST") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "use POST" } });
      switch (path) {
        case "/api/auth/sign-in": {
          const credentials = await readJson(req, ZSignIn);
          const { token, user } = await signIn({ db, credentials, throttle, config, context: contextOf(req) });
          return sendJson(res, 200, { user }, { "set-cookie": sessionSetCookie(token, { secure: config.secure }) });
        }
        case "/api/auth/pair": {
          const { code } = await readJson(req, ZPairDisplay);
          const { token, user } = await pairDisplay({ db, code, throttle, config, context: contextOf(req) });
          return sendJson(
            res,
            200,
            { user },
            { "set-cookie": sessionSetCookie(token, { secure: config.secure, persistentDays: DISPLAY_COOKIE_DAYS }) },
          );
        }
        case "/api/auth/sign-out":
        case "/api/auth/sign-out-everywhere": {
          const ended = await signOut({
            db,
            principal: required(req),
            everywhere: path.endsWith("everywhere"),
            context: contextOf(req),
          });
          options.endSockets(ended, "signed-out");
          res.writeHead(204, { "set-cookie": clearSessionCookie(config.secure), "cache-control": "no-store" }).end();
          return;
        }
        case "/api/auth/activity":
          required(req);
          res.writeHead(204, { "cache-control": "no-store" }).end();
          return;
        default:
          return sendJson(res, 404, { error: { code: "NOT_FOUND", message: `no route ${path}` } });
      }
    };
    run().catch((error: unknown) => sendError(res, error, log));
    return true;
  };
}

function required(req: IncomingMessage) {
  const principal = principalOf(req);
  if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return principal;
}
