import type { AppError } from "../errors/app-error";

/**
 * The one JSON shape of a refusal, for the Next route handlers (toErrorResponse) and the Node process's routes
 * (sendError): `{ error: { code, message, …details, reason? } }`. `reason` is the catalogue refusal
 * (lib/errors/refusal.ts) a screen words in its reader's language. A detail of the same name (the access check's
 * "role" | "unit", the handover's "stale-version") gives way to it; without a catalogue reason such a detail goes out
 * as before (a 401's "idle" | "expired" | "none", which the auth gate sends too), and screens read it as no reason.
 */
export function appErrorBody(error: AppError): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...error.details,
      ...(error.reason ? { reason: error.reason } : {}),
    },
  };
}
