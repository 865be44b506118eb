import type { TImportRejection, TImportRejectionCode } from "../import-record";

export interface TOperationOutcome {
  resourceType: "OperationOutcome";
  issue: {
    severity: "fatal" | "error" | "warning" | "information";
    code: string;
    diagnostics: string;
    expression?: string[];
  }[];
}

/** FHIR IssueType for each reason the importer gives. */
const ISSUE_TYPE: Partial<Record<TImportRejectionCode, string>> = {
  UNREADABLE: "structure",
  INVALID_READING: "invalid",
  UNKNOWN_PARAMETER: "not-supported",
  UNIT_NOT_ACCEPTED: "code-invalid",
  IMPLAUSIBLE_VALUE: "value",
  NOT_ALLOWED_VALUE: "value",
  NOT_NUMERIC: "value",
  INVALID_TIME: "value",
  FUTURE_TIME: "business-rule",
  OUTSIDE_EPISODE: "business-rule",
  NO_ACTIVE_EPISODE: "business-rule",
  NOT_ADMITTED: "business-rule",
  OUTSIDE_STAY: "business-rule",
  STATUS_NOT_ACCEPTED: "business-rule",
  PENDING_RESULT: "incomplete",
  MISSING_PATIENT: "required",
  UNKNOWN_PATIENT: "not-found",
  UNKNOWN_EPISODE: "not-found",
};

/** The rejections of an import as a FHIR OperationOutcome, each issue pointing at the element at fault. */
export function toOperationOutcome(
  rejections: readonly TImportRejection[],
  extra: readonly TOperationOutcome["issue"][number][] = [],
): TOperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [
      ...rejections.map((r) => ({
        severity: "error" as const,
        code: ISSUE_TYPE[r.code] ?? "processing",
        diagnostics: `${r.location}: ${r.field} "${r.value}": ${r.reason}`,
        expression: [`Observation.${r.field}`],
      })),
      ...extra,
    ],
  };
}
