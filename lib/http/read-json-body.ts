import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { invalidInput } from "./invalid-input";

/**
 * A JSON request body through its zod schema, or INVALID_INPUT (400) naming each field at fault and why. With
 * `maxBytes`, a larger body is refused (413) as it arrives, before it is held whole.
 */
export async function readJsonBody<TSchema extends z.ZodType>(
  request: Request,
  schema: TSchema,
  maxBytes?: number,
): Promise<z.infer<TSchema>> {
  const text = maxBytes === undefined ? await request.text() : await readText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
