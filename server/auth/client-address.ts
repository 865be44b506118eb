import type { IncomingMessage } from "node:http";

/**
 * The client's address for the audit trail and the sign-in throttle. Behind a reverse proxy (TRUST_PROXY) it is the
 * left-most X-Forwarded-For entry; otherwise the socket's peer, since a client could write any X-Forwarded-For.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return req.socket.remoteAddress ?? "unknown";
}
