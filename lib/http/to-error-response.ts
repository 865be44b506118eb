import { AppError } from "../errors/app-error";
import { appErrorBody } from "./error-body";
import { INTERNAL_ERROR } from "./internal-error";

/** Maps any failure to a JSON answer: an AppError says what and where; anything else is logged and kept generic. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(appErrorBody(error), { status: error.status });
  }
  console.error("[station] unexpected error", error);
  return Response.json({ error: INTERNAL_ERROR }, { status: 500 });
}
