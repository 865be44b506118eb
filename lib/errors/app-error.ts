import type { TRefusal } from "./refusal";

/**
 * The one application error: a code the HTTP layer maps to a status, and a message a person can act on. The message
 * is English (logs, administrators, an English screen); `reason`, when given, is the same refusal as a key of the
 * `refusals` catalogue with its values, which a screen words in its reader's language (lib/errors/refusal.ts).
 */
export const APP_ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly reason?: TRefusal,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
