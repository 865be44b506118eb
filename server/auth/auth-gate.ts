import type { IncomingMessage, ServerResponse } from "node:http";
import type { TPrincipal } from "@/lib/auth/principal";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { clearSessionCookie, readSessionToken } from "@/lib/auth/session-cookie";
import type { TRequestContext } from "@/lib/db/audit/record-audit-event";
import type { TAuthConfig } from "@/lib/db/auth/auth-config";
import { CLIENT_IP_HEADER } from "@/lib/db/auth/request-context";
import { SESSION_ENDED } from "@/lib/db/auth/require-principal";
import { validateSession } from "@/lib/db/auth/validate-session";
import type { Db } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { isMutating, isSameOriginRequest } from "./origin-check";
import { applySecurityHeaders } from "./security-headers";

/** Pages and endpoints open without a session: signing in, pairing a wall screen, health and readiness. */
const PUBLIC_PATHS = new Set([
  "/sign-in",
  "/pair",
  "/api/health",
  "/api/ready",
  "/api/auth/sign-in",
  "/api/auth/pair",
  "/icon.svg",
  "/favicon.ico",
  "/robots.txt",
]);
/** Next's built assets (no data in them); in development also its hot-reload and error-overlay endpoints. */
const PUBLIC_PREFIXES = ["/_next/static/"];
const DEV_PUBLIC_PREFIXES = ["/_next/", "/__nextjs"];

export interface TAuthGateOptions {
  db: Db;
  config: TAuthConfig;
  dev: boolean;
  now?: () => Date;
}

export interface TGateResult {
  /** True when the gate answered (refused or redirected) and nothing else may. */
  handled: boolean;
}

const principals = new WeakMap<IncomingMessage, TPrincipal>();
const contexts = new WeakMap<IncomingMessage, TRequestContext>();

/** Who sent a request that passed the gate (undefined on public paths). For the Node process's own routes. */
export function principalOf(req: IncomingMessage): TPrincipal | undefined {
  return principals.get(req);
}

/** Where it came from, for the audit trail. */
export function contextOf(req: IncomingMessage): TRequestContext {
  return (
    contexts.get(req) ?? { ipAddress: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null }
  );
}

/**
 * The first thing every HTTP request meets (socket.io's handshake has its own check, server/realtime): security
 * headers, the cross-site check on anything that changes state, and a valid session for everything but the public
 * paths. Without one, a page request is sent to the sign-in page (with where it was going) and an API request gets
 * 401. Route handlers check the session and the unit again; this gate makes "every route requires a session" true
 * even for a route that forgot to.
 */
export function createAuthGate(options: TAuthGateOptions) {
  const now = options.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse): Promise<TGateResult> => {
    const url = new URL(req.url ?? "/", "http://station");
    const path = url.pathname;
    const address = clientAddress(req, options.config.trustProxy);
    // Whatever the client sent under this name is dropped: only the gate says where a request came from.
    req.headers[CLIENT_IP_HEADER] = address;
    const context: TRequestContext = { ipAddress: address, userAgent: req.headers["user-agent"] ?? null };
    contexts.set(req, context);
    applySecurityHeaders(req, res, { dev: options.dev, secure: options.config.secure });

    if (isMutating(req.method) && !isSameOriginRequest(req, options.config.publicOrigin)) {
      json(res, 403, {
        error: {
          code: "FORBIDDEN",
          message: "Cross-site request refused: this action must come from the station's own pages.",
        },
      });
      return { handled: true };
    }

    if (isPublic(path, options.dev)) return { handled: false };

    const token = readSessionToken(req.headers.cookie);
    const check = await validateSession({
      db: options.db,
      token,
      config: options.config,
      now: now(),
      touch: isActivity(req),
      context,
    });
    if (check.status === "valid") {
      principals.set(req, check.principal);
      return { handled: false };
    }

    if (token) res.setHeader("Set-Cookie", clearSessionCookie(options.config.secure));
    const reason = check.status === "expired" ? "expired" : undefined;
    if (wantsJson(req, path)) {
      json(res, 401, { error: { code: "UNAUTHENTICATED", message: SESSION_ENDED, reason: reason ?? "none" } });
    } else {
      // The same check as after sign-in: a request path such as "/.//evil.example" parses to "//evil.example".
      const target = new URLSearchParams({ next: safeNextPath(`${path}${url.search}`) });
      if (reason) target.set("reason", reason);
      res.writeHead(303, { location: `/sign-in?${target.toString()}`, "cache-control": "no-store" }).end();
    }
    return { handled: true };
  };
}

function isPublic(path: string, dev: boolean): boolean {
  if (PUBLIC_PATHS.has(path)) return true;
  const prefixes = dev ? [...PUBLIC_PREFIXES, ...DEV_PUBLIC_PREFIXES] : PUBLIC_PREFIXES;
  return prefixes.some((p) => path.startsWith(p));
}

/**
 * A request that means a person did something: opening a page, or any change. Background refreshes (JSON GETs) and
 * Next's client-side route data (RSC fetches) do not count; the screen reports taps and keys itself
 * (POST /api/auth/activity), so an idle timeout means the person really was away.
 */
function isActivity(req: IncomingMessage): boolean {
  if (isMutating(req.method)) return true;
  return req.headers["sec-fetch-mode"] === "navigate" && req.headers.rsc === undefined;
}

function wantsJson(req: IncomingMessage, path: string): boolean {
  return path.startsWith("/api/") || req.headers.rsc !== undefined || !(req.headers.accept ?? "").includes("text/html");
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(JSON.stringify(body));
}
