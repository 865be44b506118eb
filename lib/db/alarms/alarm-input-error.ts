import type { z } from "zod";
import { AppError } from "../../errors/app-error";

/**
 * An alarm operation's input that failed its schema, as INVALID_INPUT naming the operation's subject, the first field
 * at fault and why ("acknowledgement reason: …"): one wording for the raise, the clear, the acknowledgement and the
 * limit override.
 */
export function alarmInputError(subject: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError(
    "INVALID_INPUT",
    `${subject} ${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`,
  );
}
