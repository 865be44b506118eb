/**
 * Headers of an answer no cache may keep: the administration API answers with accounts, one-time pairing codes and
 * the audit trail, which must not linger in a browser's or a proxy's cache.
 */
export const NO_STORE = { "cache-control": "no-store" } as const;

/** The same for an answer built elsewhere (toErrorResponse's), whose headers are still ours to set. */
export function noStore(response: Response): Response {
  response.headers.set("cache-control", "no-store");
  return response;
}
