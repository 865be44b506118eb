import type { TRequestContext } from "../audit/record-audit-event";

/**
 * The header by which the Node server hands the client's address to Next's route handlers. The server sets it on
 * every request after deleting whatever the client sent under that name, so it cannot be forged from outside.
 */
export const CLIENT_IP_HEADER = "x-station-client-ip";

/** Where a request came from, for the audit trail. */
export function requestContextOf(request: Pick<Request, "headers">): TRequestContext {
  return { ipAddress: request.headers.get(CLIENT_IP_HEADER), userAgent: request.headers.get("user-agent") };
}
