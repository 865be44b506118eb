import type { z } from "zod";
import { AppError } from "../errors/app-error";

/** A body that failed its schema, as INVALID_INPUT (400) naming each field at fault and why. */
export function invalidInput(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
  return new AppError("INVALID_INPUT", `Invalid input. ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}.`, {
    issues,
  });
}
