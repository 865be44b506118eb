import { z } from "zod";
import { formatRecordTime } from "@/lib/bed/format-date-time";
import { REFUSAL_PARAMS, ZRefusal, isRefusalKey, type TRefusal, type TRefusalKey } from "@/lib/errors/refusal";
import type { TLocale } from "@/lib/i18n/locales";

/*
 * The browser's one idea of a failed request to the station, whichever screen asked: the error body every route
 * answers (lib/http/error-body.ts), one error class, and one way to say it to the person in the page's language. A
 * clinician on a French page never reads the server's English sentence: a refusal with a catalogue reason is worded
 * from the `refusals` catalogue, anything else by its code and status.
 */

const ZIssue = z.object({ field: z.string(), message: z.string() });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** An operation's refusal that concerns one field (a taken username, an occupied bed). */
    field: z.string().optional(),
    /** Schema failures, one per field (readJsonBody, parseSearchParams). */
    issues: z.array(ZIssue).optional(),
    /** A reason this screen cannot read (a newer server's) is as if absent: the code still says something. */
    reason: ZRefusal.optional().catch(undefined),
  }),
});

/** The status of a request that got no answer at all (no network, the station down). */
export const NO_ANSWER = 0;

export class RequestError extends Error {
  constructor(
    /** The HTTP status, or NO_ANSWER. */
    readonly status: number,
    /** The station's code (AppError's: CONFLICT, FORBIDDEN…), NETWORK without an answer, HTTP for an unreadable one. */
    readonly code: string,
    /** The server's English sentence: for logs and an English page, never for a French one. */
    message: string,
    readonly reason?: TRefusal,
    readonly field?: string,
    readonly issues: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "RequestError";
  }

  /** network: no answer; refused: a 4xx with the station's reason; server: a 5xx or an unreadable answer. */
  get kind(): "network" | "refused" | "server" {
    if (this.status === NO_ANSWER) return "network";
    return this.status >= 500 ? "server" : "refused";
  }
}

/**
 * A same-origin request to the station: the response when it is OK, else a RequestError (no answer, or the refusal
 * the body carries).
 */
export async function sendRequest(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
      signal: init.signal,
    });
  } catch (error) {
    // A cancelled request (react-query's signal) is not a network failure: it is rethrown as it is.
    if (init.signal?.aborted) throw error;
    throw new RequestError(NO_ANSWER, "NETWORK", error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  throw requestErrorOf(response.status, await response.json().catch(() => null));
}

/** A refused answer's body as a RequestError. */
export function requestErrorOf(status: number, body: unknown): RequestError {
  const parsed = ZErrorBody.safeParse(body);
  if (!parsed.success) return new RequestError(status, "HTTP", `HTTP ${status}`);
  const { code, message, reason, field, issues = [] } = parsed.data.error;
  return new RequestError(status, code, message, reason, field, issues);
}

/** An answer whose body does not match what the screen expects: the station and the screen disagree. */
export function unreadableAnswer(status: number, error: z.ZodError): RequestError {
  return new RequestError(status >= 500 ? status : 502, "HTTP", z.prettifyError(error));
}

const COMMAND_STATUS: Record<string, number> = {
  INVALID_PAYLOAD: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  BUSY: 503,
  INTERNAL: 500,
};

/** A socket command's refusal (its acknowledgement's `error`) as the same error, so that it is worded the same way. */
export function commandRefusal(error: { code: string; message: string; reason?: TRefusal }): RequestError {
  return new RequestError(COMMAND_STATUS[error.code] ?? 500, error.code, error.message, error.reason);
}

export const FALLBACKS = [
  "conflict",
  "invalidInput",
  "notFound",
  "unauthenticated",
  "forbidden",
  "rateLimited",
  "payloadTooLarge",
  "server",
  "network",
  "unknown",
] as const;
type TFallback = (typeof FALLBACKS)[number];

/** The `refusals` namespace's translator (next-intl's useTranslations("refusals") or createTranslator). */
export type TRefusalsTranslate = (
  key: `reasons.${TRefusalKey}` | `fallback.${TFallback}`,
  values?: Record<string, string | number>,
) => string;

export interface TDescribeOptions {
  readonly locale: TLocale;
  /** The zone a time is written in: the unit's when the screen knows it, else the station's. */
  readonly timeZone: string;
  readonly t: TRefusalsTranslate;
}

/**
 * What to tell the person about a failure, in the page's language: the catalogue sentence of the refusal's reason;
 * else, on an English page, the station's own sentence for a refusal (4xx); else a sentence by code and status.
 */
export function describeRequestError(error: unknown, { locale, timeZone, t }: TDescribeOptions): string {
  if (!(error instanceof RequestError)) return t("fallback.unknown");
  const values = error.reason ? reasonValues(error.reason, locale, timeZone) : null;
  if (error.reason && values && isRefusalKey(error.reason.key)) return t(`reasons.${error.reason.key}`, values);
  if (error.kind === "network") return t("fallback.network");
  if (locale === "en" && error.kind === "refused" && error.code !== "HTTP" && error.status !== 401)
    return error.message;
  return t(`fallback.${fallbackOf(error)}`);
}

function fallbackOf(error: RequestError): TFallback {
  if (error.status === 401) return "unauthenticated";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  if (error.status === 409) return "conflict";
  if (error.status === 413) return "payloadTooLarge";
  if (error.status === 429) return "rateLimited";
  if (error.status === 400 || error.status === 422) return "invalidInput";
  return error.status >= 500 ? "server" : "unknown";
}

/**
 * The reason's values as its message takes them, a time written in the locale and zone; null when the key is unknown
 * to this screen or a value is missing (then the code speaks rather than a sentence with a hole).
 */
function reasonValues(reason: TRefusal, locale: TLocale, timeZone: string): Record<string, string | number> | null {
  if (!isRefusalKey(reason.key)) return null;
  const kinds: Record<string, "text" | "time"> = REFUSAL_PARAMS[reason.key];
  const values: Record<string, string | number> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = reason.params?.[name];
    if (value === undefined) return null;
    if (kind === "text") values[name] = value;
    else {
      const at = typeof value === "number" ? value : Date.parse(value);
      if (!Number.isFinite(at)) return null;
      values[name] = formatRecordTime(at, locale, timeZone);
    }
  }
  return values;
}
