import type { IncomingMessage, ServerResponse } from "node:http";
import type { TImportSummary, TRecordOutcome } from "@/lib/db/imports/import-run";
import { readFhirJson } from "@/lib/imports/fhir/read-fhir-json";
import { toOperationOutcome, type TOperationOutcome } from "@/lib/imports/fhir/to-operation-outcome";
import type { TImportChunk } from "@/lib/imports/import-record";
import { MAX_FHIR_BYTES } from "@/lib/imports/read-import-source";

/*
 * The FHIR endpoints of the import routes (POST /api/fhir/Observation, POST /api/fhir with a batch or a transaction):
 * the body read and checked, the import run as the signed-in user, and each entry answered as FHIR says.
 */

const MAX_OBSERVATION_BYTES = 1024 * 1024;
const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** The import routes' run: an import as the signed-in user, audited. */
export type TRunAsUser = (args: {
  items: Iterable<TImportChunk>;
  kind: "fhir";
  fileName: string;
  dryRun?: boolean;
  collectOutcomes: boolean;
}) => Promise<TImportSummary>;

export async function postFhir(
  run: TRunAsUser,
  req: IncomingMessage,
  res: ServerResponse,
  expected: "Observation" | "Bundle",
): Promise<void> {
  const text = await readBody(req, expected === "Observation" ? MAX_OBSERVATION_BYTES : MAX_FHIR_BYTES);
  if (text === undefined)
    return fhir(
      res,
      413,
      outcome("too-costly", `the body is larger than ${expected === "Observation" ? "1" : "20"} MB`),
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return fhir(res, 400, outcome("structure", `not JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  const read = readFhirJson({ json: body, file: expected === "Observation" ? "POST Observation" : "POST Bundle" });
  if (read.kind === "invalid") return fhir(res, 400, outcome("structure", read.reason, read.field));
  if ((read.kind === "observation") !== (expected === "Observation")) {
    return fhir(
      res,
      400,
      outcome(
        "not-supported",
        expected === "Observation"
          ? "POST /api/fhir/Observation takes one Observation"
          : "POST /api/fhir takes a Bundle",
      ),
    );
  }
  const common = { kind: "fhir" as const, collectOutcomes: true };

  if (read.kind === "observation") {
    const summary = await run({ ...common, items: read.items, fileName: "FHIR Observation" });
    if (summary.status === "failed")
      return fhir(res, 500, outcome("exception", summary.error ?? "not stored: retry", undefined, "fatal"));
    const [result] = summary.outcomes ?? [];
    const { status, body: answer } = entryResponse(result);
    return fhir(res, Number(status.slice(0, 3)), answer);
  }

  if (read.bundleType !== "batch" && read.bundleType !== "transaction") {
    return fhir(
      res,
      400,
      outcome(
        "not-supported",
        `Bundle type ${read.bundleType}: POST a batch or a transaction (files of other Bundles go to /api/imports)`,
      ),
    );
  }
  if (read.bundleType === "transaction") {
    // All or nothing: a dry run first; one refused Observation refuses the transaction and nothing is stored.
    const dry = await run({ ...common, items: read.items, fileName: "FHIR transaction (check)", dryRun: true });
    if (dry.rejected > 0)
      return fhir(res, 422, toOperationOutcome(dry.outcomes?.flatMap((r) => (r.rejection ? [r.rejection] : [])) ?? []));
  }
  const summary = await run({ ...common, items: read.items, fileName: `FHIR ${read.bundleType}` });
  if (summary.status === "failed")
    return fhir(res, 500, outcome("exception", summary.error ?? "not stored: retry", undefined, "fatal"));
  const byEntry = new Map(
    (summary.outcomes ?? []).flatMap((r) => (r.entry === undefined ? [] : [[r.entry, r] as const])),
  );
  fhir(res, 200, {
    resourceType: "Bundle",
    type: `${read.bundleType}-response`,
    entry: Array.from({ length: read.entryCount }, (_, i) => {
      const { status, body: answer } = entryResponse(byEntry.get(i));
      return { response: { status, outcome: answer } };
    }),
  });
}

/** What one entry became, as a FHIR response status and OperationOutcome. */
function entryResponse(result: TRecordOutcome | undefined): { status: string; body: TOperationOutcome } {
  switch (result?.status) {
    case "accepted":
      return { status: "201 Created", body: outcome("informational", "stored", undefined, "information") };
    case "duplicate":
      return {
        status: "200 OK",
        body: outcome("duplicate", "already stored: nothing added", undefined, "information"),
      };
    case "ignored":
      return {
        status: "422 Unprocessable Entity",
        body: outcome("not-supported", "not stored: the station does not monitor this code"),
      };
    case "rejected":
      return {
        status: "422 Unprocessable Entity",
        body: toOperationOutcome(result.rejection ? [result.rejection] : []),
      };
    default:
      return {
        status: "200 OK",
        body: outcome(
          "informational",
          "not stored: the station keeps monitored Observations only",
          undefined,
          "information",
        ),
      };
  }
}

export function outcome(
  code: string,
  diagnostics: string,
  field?: string,
  severity: "error" | "fatal" | "information" = "error",
): TOperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity, code, diagnostics, ...(field ? { expression: [field] } : {}) }],
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function fhir(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": FHIR_JSON }).end(JSON.stringify(body));
}
