import type { AppError } from "../errors/app-error";

/**
 * The one JSON shape of a refusal, for the Next route handlers (toErrorResponse) and the Node process's routes
 * (sendError): `{ error: { code, message, …details, reason? } }`. `reason` is the catalogue refusal
 * (lib/errors/refusal.ts) a screen words in its reader's language; a detail of the same name (the access check's
 * "role" | "unit", kept for the audit) never reaches the wire in its place.
 */
export function appErrorBody(error: AppError): { error: Record<string, unknown> } {
  const { reason: _internal, ...details } = error.details ?? {};
  return {
    error: {
      code: error.code,
      message: error.message,
      ...details,
      ...(error.reason ? { reason: error.reason } : {}),
    },
  };
}
