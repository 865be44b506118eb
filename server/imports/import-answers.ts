import type { ServerResponse } from "node:http";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { appErrorBody } from "@/lib/http/error-body";
import { INTERNAL_ERROR } from "@/lib/http/internal-error";
import type { Logger } from "@/lib/log/logger";
import { fhir, outcome } from "./fhir-import-endpoint";

/** A JSON answer. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

/** An import request's failure as its caller reads it: the station's error body, or a FHIR OperationOutcome. */
export function fail(res: ServerResponse, error: unknown, log: Logger, asFhir: boolean): void {
  if (res.headersSent) {
    log.error("import request failed after its answer began", error);
    res.destroy();
    return;
  }
  if (error instanceof AppError) {
    if (asFhir)
      return fhir(res, error.status, outcome(error.code === "NOT_FOUND" ? "not-found" : "invalid", error.message));
    return json(res, error.status, appErrorBody(error));
  }
  if (error instanceof z.ZodError)
    return json(res, 400, {
      error: {
        code: "INVALID_INPUT",
        message: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      },
    });
  log.error("import request failed", error);
  if (asFhir) return fhir(res, 500, outcome("exception", "the server could not answer; retry", undefined, "fatal"));
  json(res, 500, { error: INTERNAL_ERROR });
}
