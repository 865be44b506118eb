import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { invalidInput } from "@/lib/http/invalid-input";
import { appErrorBody } from "./error-body";
import { INTERNAL_ERROR } from "./internal-error";
import type { Logger } from "../log/logger";

/** A small JSON body (a form's worth) through its zod schema; INVALID_INPUT names each field at fault. */
export async function readJson<TSchema extends z.ZodType>(
  req: IncomingMessage,
  schema: TSchema,
  maxBytes = 16 * 1024,
): Promise<z.infer<TSchema>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // Read and drop the rest, so that the client receives the answer instead of a reset connection.
      req.resume();
      throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers })
    .end(JSON.stringify(body));
}

/** An AppError as its status and message; anything else is logged and answered generically. */
export function sendError(res: ServerResponse, error: unknown, log: Logger): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof AppError) {
    const retry: Record<string, string> =
      typeof error.details?.retryAfterSeconds === "number"
        ? { "retry-after": String(error.details.retryAfterSeconds) }
        : {};
    sendJson(res, error.status, appErrorBody(error), retry);
    return;
  }
  log.error("request failed", error);
  sendJson(res, 500, { error: INTERNAL_ERROR });
}
