import type { z } from "zod";
import { AppError } from "../errors/app-error";

/**
 * A query string through its zod schema, or INVALID_INPUT (400) naming each field at fault and why, so that a
 * wrong link says what to change. Repeated keys keep their last value.
 */
export function parseSearchParams<TSchema extends z.ZodType>(schema: TSchema, url: string): z.infer<TSchema> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path.join(".") || "query",
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new AppError("INVALID_INPUT", `Invalid query. ${summary}.`, { issues });
}
