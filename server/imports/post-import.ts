import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { resolveCsvMapping } from "@/lib/imports/csv/saved-mappings";
import { detectImportKind } from "@/lib/imports/detect-import-kind";
import { ZImportKind } from "@/lib/imports/import-record";
import { inspectSource } from "@/lib/imports/inspect-source";
import { readImportSource } from "@/lib/imports/read-import-source";
import { isTimeZone } from "@/lib/time/zoned-time";
import { json } from "./import-answers";
import { runUserImport, type TRouteContext } from "./run-user-import";

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
/** POST /api/imports: the file streamed from the request's body into an import job; answers the job's summary. */
export async function postImport(
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
  const summary = await runUserImport(o, {
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
