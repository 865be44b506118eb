import type { IncomingMessage, ServerResponse } from "node:http";
import { defineNodeRoutes, matchNodeRoute } from "../node-route-table";
import { Readable } from "node:stream";
import { z } from "zod";
import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import { detectImportKind } from "@/lib/imports/detect-import-kind";
import { REJECTION_CSV_HEADER, formatRejectionCsv } from "@/lib/imports/format-rejection-csv";
import { ZImportKind, type TImportChunk } from "@/lib/imports/import-record";
import { inspectSource } from "@/lib/imports/inspect-source";
import { resolveCsvMapping } from "@/lib/imports/csv/saved-mappings";
import { readImportSource } from "@/lib/imports/read-import-source";
import { isTimeZone } from "@/lib/time/zoned-time";
import { actorOf, recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { assertCan } from "@/lib/db/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getImportJob } from "@/lib/db/imports/get-import-job";
import { listImportJobs } from "@/lib/db/imports/list-import-jobs";
import { listImportRejections } from "@/lib/db/imports/list-import-rejections";
import type { TImportState, TImportSummary } from "@/lib/db/imports/import-run";
import { runImport } from "@/lib/db/imports/run-import";
import { fhir, outcome, postFhir } from "./fhir-import-endpoint";
import { INTERNAL_ERROR } from "@/lib/http/internal-error";
import { contextOf, principalOf } from "../auth/auth-gate";
import type { Logger } from "@/lib/log/logger";

export interface TImportRoutesOptions {
  db: Db;
  /** The server's ObservationWriter: imported readings reach the screens from the change feed as they commit. */
  sink: ReadingSink;
  timeZone: string;
  localCodes: readonly TLocalCode[];
  onProgress?: (state: TImportState) => void;
  log: Logger;
  now?: () => Date;
}

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const ZImportQuery = z.object({
  kind: ZImportKind.optional(),
  dryRun: flag.default(false),
  fileName: z.string().min(1).max(255).default("upload"),
  /** Chosen by the page so that it can follow the job's progress before the answer arrives. */
  jobId: z.uuid().optional(),
  csvTimeZone: z.string().refine(isTimeZone, "not an IANA time zone").optional(),
  /** A CSV of another shape: a saved mapping's id, or a mapping's JSON text (docs/imports.md, "Column mapping"). */
  mapping: z.string().min(1).max(16_384).optional(),
  /** The patient, when the mapping says it is given with the import. */
  patient: z.string().min(1).max(64).optional(),
  /** The admission time, for a mapping that counts hours since admission. */
  admittedAt: z.iso.datetime({ offset: true }).optional(),
});
const ZListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const JOB = /^\/api\/imports\/([0-9a-fA-F-]{36})(\/rejections\.csv)?$/;

/**
 * The import endpoints, answered by the Node process because an upload is streamed into the process's writer as it
 * arrives (batch by batch, never held whole) and the job's progress goes out on the socket after each batch; Next's
 * route handlers load other module instances and could reach neither (docs/stack.md):
 *   POST /api/imports?kind=&dryRun=&fileName=[&mapping=&patient=&admittedAt=]   the file as the raw body, streamed;
 *                                               answers the job's summary
 *   GET  /api/imports                           the history;  GET /api/imports/:id   one job
 *   GET  /api/imports/:id/rejections.csv        the rejection report
 *   POST /api/fhir/Observation                  one FHIR Observation
 *   POST /api/fhir                              a FHIR batch or transaction Bundle
 */
export const IMPORT_ROUTES = defineNodeRoutes([
  { method: "GET", path: "/api/imports", access: "import.view" },
  { method: "POST", path: "/api/imports", access: "import.run" },
  { method: "GET", path: "/api/imports/:jobId", access: "import.view" },
  { method: "GET", path: "/api/imports/:jobId/rejections.csv", access: "import.view" },
  { method: "POST", path: "/api/fhir/Observation", access: "import.run" },
  { method: "POST", path: "/api/fhir", access: "import.run" },
]);

export function importRoutes(options: TImportRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://station");
    const path = url.pathname;
    if (!path.startsWith("/api/imports") && path !== "/api/fhir" && path !== "/api/fhir/Observation") return false;
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? "GET";
    const principal = principalOf(req);
    // Only what the table lists is served (its rows are the access matrix's); anything else under these paths is
    // refused before it reads anything, as route() below would have.
    const matched = matchNodeRoute(IMPORT_ROUTES, method, path);
    if (!matched) {
      unmatched(res, method, path);
      return true;
    }
    const { access } = matched.spec;
    // The gate let nobody through without a session; the role decides: seeing imports, or running them.
    const handled = principal
      ? (access === "public" || access === "signed-in"
          ? Promise.resolve()
          : assertCan({
              db: options.db,
              principal,
              action: access,
              context: contextOf(req),
              via: `http ${method} ${path}`,
            })
        ).then(() => route({ ...options, req }, req, res, path, query))
      : Promise.reject(new AppError("UNAUTHENTICATED", "Sign in first."));
    handled.catch((error: unknown) => fail(res, error, options.log, path.startsWith("/api/fhir")));
    return true;
  };
}

/** A method or path the table does not list, under a path these routes own: 405 for a known path, else 404. */
function unmatched(res: ServerResponse, method: string, path: string): void {
  const known = IMPORT_ROUTES.some((r) => matchNodeRoute([{ ...r, method: "GET" }], "GET", path));
  if (path.startsWith("/api/fhir"))
    fhir(res, 405, outcome("not-supported", `${method} ${path} is not supported: POST an Observation or a Bundle`));
  else if (known) json(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here` } });
  else json(res, 404, { error: { code: "NOT_FOUND", message: `no route ${method} ${path}` } });
}

/** The options plus the request being answered: who runs an import is recorded on its job and in the audit trail. */
type TRouteContext = TImportRoutesOptions & { req: IncomingMessage };

function route(
  o: TRouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: Record<string, string>,
): Promise<void> {
  const method = req.method ?? "GET";
  if (path === "/api/imports") {
    if (method === "POST") return postImport(o, req, res, query);
    if (method === "GET")
      return listImportJobs({ db: o.db, limit: ZListQuery.parse(query).limit }).then((jobs) =>
        json(res, 200, { jobs }),
      );
    return Promise.resolve(json(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "use GET or POST" } }));
  }
  const job = JOB.exec(path);
  if (job && method === "GET") {
    const jobId = job[1] ?? "";
    return job[2] ? rejectionsCsv(o, res, jobId) : getImportJob({ db: o.db, jobId }).then((dto) => json(res, 200, dto));
  }
  if (path === "/api/fhir/Observation" && method === "POST")
    return postFhir((args) => run(o, args), req, res, "Observation");
  if (path === "/api/fhir" && method === "POST") return postFhir((args) => run(o, args), req, res, "Bundle");
  if (path.startsWith("/api/fhir"))
    return Promise.resolve(
      fhir(res, 405, outcome("not-supported", `${method} ${path} is not supported: POST an Observation or a Bundle`)),
    );
  return Promise.resolve(json(res, 404, { error: { code: "NOT_FOUND", message: `no route ${method} ${path}` } }));
}

async function postImport(
  o: TRouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
): Promise<void> {
  const parsed = ZImportQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const q = parsed.data;
  const mapping = q.mapping === undefined ? undefined : resolveCsvMapping(q.mapping);
  if (mapping && !mapping.ok) throw new AppError("INVALID_INPUT", `mapping: ${mapping.reason}`);
  const { first, body } = await peek(req);
  const kind = mapping
    ? "csv"
    : (q.kind ?? detectImportKind({ fileName: q.fileName, head: first.subarray(0, 4096).toString("utf8") }));
  if (!kind)
    throw new AppError(
      "INVALID_INPUT",
      `cannot tell what ${q.fileName} is: add ?kind=hl7|fhir|csv|mimic, or a column mapping for a CSV of another shape`,
    );
  const source = inspectSource(body);
  const items = readImportSource({
    kind,
    input: source.input,
    file: q.fileName,
    timeZone: o.timeZone,
    csvTimeZone: q.csvTimeZone,
    ...(mapping?.ok
      ? {
          mapping: {
            mapping: mapping.mapping,
            ...(q.patient ? { patient: q.patient } : {}),
            ...(q.admittedAt ? { admittedAt: new Date(q.admittedAt) } : {}),
          },
        }
      : {}),
  });
  const summary = await run(o, {
    items,
    kind,
    fileName: q.fileName,
    dryRun: q.dryRun,
    jobId: q.jobId,
    nothingRead: () => source.nothingRead(kind),
    notText: () => source.notText(kind),
  });
  json(res, 200, { ...summary, outcomes: undefined });
}

async function rejectionsCsv(o: TRouteContext, res: ServerResponse, jobId: string): Promise<void> {
  const job = await getImportJob({ db: o.db, jobId });
  const name = `${job.fileName.replace(/[^\w.-]+/g, "_")}-rejections.csv`;
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}"`,
  });
  res.write(REJECTION_CSV_HEADER);
  for await (const r of listImportRejections({ db: o.db, jobId })) {
    if (!res.write(formatRejectionCsv(r))) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

/** Runs an import as the signed-in user (the job's actor is "user:<username>") and audits what it did. */
async function run(
  o: TRouteContext,
  args: {
    items: AsyncIterable<TImportChunk> | Iterable<TImportChunk>;
    kind: z.infer<typeof ZImportKind>;
    fileName: string;
    dryRun?: boolean;
    jobId?: string;
    collectOutcomes?: boolean;
    nothingRead?: () => string;
    notText?: () => string | undefined;
  },
): Promise<TImportSummary> {
  const principal = principalOf(o.req);
  if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const summary = await runImport({
    db: o.db,
    sink: o.sink,
    localCodes: o.localCodes,
    onProgress: o.onProgress,
    now: o.now,
    actor: `user:${principal.username}`,
    ...args,
  });
  await recordAuditEvent({
    db: o.db,
    action: "import.run",
    outcome: summary.status === "failed" ? "failure" : "success",
    actor: actorOf(principal),
    context: contextOf(o.req),
    target: { type: "import-job", id: summary.jobId },
    details: {
      kind: args.kind,
      fileName: args.fileName,
      dryRun: args.dryRun ?? false,
      accepted: summary.accepted,
      rejected: summary.rejected,
      duplicate: summary.duplicate,
      ignored: summary.ignored,
    },
  });
  return summary;
}

/** The first chunk of a body (to tell its kind) and a stream of the whole body, still streamed. */
async function peek(req: IncomingMessage): Promise<{ first: Buffer; body: Readable }> {
  const iterator = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? Buffer.alloc(0) : head.value;
  async function* rest() {
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { first, body: Readable.from(rest(), { objectMode: false }) };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function fail(res: ServerResponse, error: unknown, log: Logger, asFhir: boolean): void {
  if (res.headersSent) {
    log.error("import request failed after its answer began", error);
    res.destroy();
    return;
  }
  if (error instanceof AppError) {
    if (asFhir)
      return fhir(res, error.status, outcome(error.code === "NOT_FOUND" ? "not-found" : "invalid", error.message));
    return json(res, error.status, { error: { code: error.code, message: error.message, ...error.details } });
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
