import type { IncomingMessage } from "node:http";

/**
 * The origins a browser may post from or open a socket from: PUBLIC_ORIGIN when configured, else the request's own
 * host (over http or https, whichever the proxy terminates).
 */
export function allowedOrigins(req: IncomingMessage, publicOrigin: string | undefined): string[] {
  if (publicOrigin) return [publicOrigin];
  const host = req.headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

/**
 * Cross-site request forgery check for a mutating request or a socket handshake. A browser always sends Origin on
 * those (Fetch standard), so a foreign or "null" Origin is refused. A request without Origin is accepted only when
 * Sec-Fetch-Site does not say it came from another site: that is a non-browser client (the import CLI, an interface
 * engine, a test), which carries no ambient cookies to abuse. The same rule as Go's net/http CrossOriginProtection.
 */
export function isSameOriginRequest(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return allowedOrigins(req, publicOrigin).includes(origin);
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

export function isMutating(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}
