import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { invalidInput } from "./invalid-input";

/** A JSON request body through its zod schema, or INVALID_INPUT (400) naming each field at fault and why. */
export async function readJsonBody<TSchema extends z.ZodType>(request: Request, schema: TSchema): Promise<z.infer<TSchema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error);
}
