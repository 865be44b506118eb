import type { IncomingMessage } from "node:http";

/**
 * The client's address for the audit trail and the sign-in throttle. Behind a reverse proxy (TRUST_PROXY) it is the
 * RIGHT-most X-Forwarded-For entry: the one our proxy appended, naming the peer it saw. Every entry to its left was
 * written by whoever sent the request, so a client could name any address there and escape its own sign-in throttle
 * (or blame another's). Without TRUST_PROXY it is the socket's peer, and X-Forwarded-For is ignored altogether.
 * One trusted proxy hop is assumed: a chain of proxies must make the last one overwrite the header.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const header = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
    const last = header
      ?.split(",")
      .map((hop) => hop.trim())
      .filter((hop) => hop.length > 0)
      .at(-1);
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? "unknown";
}
