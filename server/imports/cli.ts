// `npm run import -- <file> [--kind hl7|fhir|csv|mimic] [--dry-run] [--codes local-codes.json] [--time-zone
// Europe/Paris]
//  [--csv-time-zone UTC] [--report rejections.csv] [--server http://127.0.0.1:3000 --user name [--password-stdin]]
//  [--actor name] [--batch-size n] [--stats] [--mapping mapping.json [--patient id] [--admitted-at 2026-01-01T08:00Z]]`
//
// By default the CLI opens the database of DATABASE_URL and writes through the same write path as the server (same
// validation, same batches, same idempotency), without sockets: screens that are open show the readings on their
// next snapshot or replay, not live; the import is audited with the actor "cli:<os user>". With --server it signs in
// as --user (an admin: imports need the import.run right; password from STATION_PASSWORD, --password-stdin or a
// hidden prompt) and streams the file to the running station's POST /api/imports, so the readings are broadcast as
// they commit and the job and the audit trail name that user.
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { REJECTION_CSV_HEADER, formatRejectionCsv } from "@/lib/imports/format-rejection-csv";
import { parseCsvMapping } from "@/lib/imports/csv/csv-mapping";
import { ZImportKind } from "@/lib/imports/import-record";
import type { TReadImportSourceOptions } from "@/lib/imports/read-import-source";
import { isTimeZone } from "@/lib/time/zoned-time";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { closeDb, createDb, isPostgresUrl } from "@/lib/db/client";
import { listImportRejections } from "@/lib/db/imports/list-import-rejections";
import { MAX_READINGS_PER_BULK_COMMIT } from "@/lib/db/observations/insert-observations";
import { ZServerEnv } from "../env";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { readPassword } from "../cli/read-password";
import { applyPendingMigrations } from "../migrate";
import { importFile } from "./import-file";
import { loadLocalCodes } from "./load-local-codes";
import { WorkerInserter } from "./worker-inserter";

const ZCliOptions = z.object({
  file: z.string().min(1),
  kind: ZImportKind.optional(),
  dryRun: z.boolean(),
  codes: z.string().optional(),
  timeZone: z.string().refine(isTimeZone, "not an IANA time zone").optional(),
  csvTimeZone: z.string().refine(isTimeZone, "not an IANA time zone").optional(),
  report: z.string().optional(),
  server: z.url().optional(),
  user: z.string().min(1).max(64).optional(),
  passwordStdin: z.boolean(),
  actor: z.string().min(1).max(200).optional(),
  batchSize: z.coerce.number().int().min(1).max(MAX_READINGS_PER_BULK_COMMIT).optional(),
  stats: z.boolean(),
  mapping: z.string().optional(),
  patient: z.string().min(1).max(64).optional(),
  admittedAt: z.iso.datetime({ offset: true, local: false }).optional(),
});

/**
 * Records per batch by default. Up to MAX_READINGS_PER_BULK_COMMIT may be asked for; at 10,000 a million-row CSV
 * peaked at 197–202 MB, at 6,000 at 169–181 MB, in the same time (bench/import-csv.ts): the batches in flight are
 * most of the heap.
 */
const DEFAULT_BATCH = 6_000;

const USAGE =
  "usage: npm run import -- <file> [--kind hl7|fhir|csv|mimic] [--dry-run] [--codes file.json] [--time-zone Zone] [--csv-time-zone Zone] [--report out.csv] [--server url --user name [--password-stdin]] [--actor name] [--batch-size n] [--stats] [--mapping mapping.json [--patient id] [--admitted-at ISO time with offset]]";

async function main(): Promise<number> {
  let options: z.infer<typeof ZCliOptions>;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        codes: { type: "string" },
        "time-zone": { type: "string" },
        "csv-time-zone": { type: "string" },
        report: { type: "string" },
        server: { type: "string" },
        user: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        actor: { type: "string" },
        "batch-size": { type: "string" },
        stats: { type: "boolean", default: false },
        mapping: { type: "string" },
        patient: { type: "string" },
        "admitted-at": { type: "string" },
      },
    });
    options = ZCliOptions.parse({
      file: positionals[0],
      kind: values.kind,
      dryRun: values["dry-run"],
      codes: values.codes,
      timeZone: values["time-zone"],
      csvTimeZone: values["csv-time-zone"],
      report: values.report,
      server: values.server,
      user: values.user,
      passwordStdin: values["password-stdin"],
      actor: values.actor,
      batchSize: values["batch-size"],
      stats: values.stats,
      mapping: values.mapping,
      patient: values.patient,
      admittedAt: values["admitted-at"],
    });
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
        : String(error);
    console.error(`${message}\n${USAGE}`);
    return 2;
  }
  let mapping: TReadImportSourceOptions["mapping"];
  if (options.mapping) {
    const read = parseCsvMapping(await readFile(options.mapping, "utf8"));
    if (!read.ok) {
      console.error(`${options.mapping}: not a column mapping: ${read.reason}`);
      return 2;
    }
    mapping = {
      mapping: read.mapping,
      ...(options.patient ? { patient: options.patient } : {}),
      ...(options.admittedAt ? { admittedAt: new Date(options.admittedAt) } : {}),
    };
    if (options.server) {
      console.error(`--mapping works in the CLI's default mode only, not with --server`);
      return 2;
    }
  }
  if (options.server) {
    if (!options.user) {
      console.error(`--server needs --user: the station imports only for a signed-in user allowed to.\n${USAGE}`);
      return 2;
    }
    return postToServer(options.server, options, options.user);
  }
  const actor = options.actor ?? `cli:${userInfo().username}`;

  const env = ZServerEnv.pick({ DATABASE_URL: true, IMPORT_TIME_ZONE: true, IMPORT_LOCAL_CODES: true }).parse(
    process.env,
  );
  const localCodes = [...(await loadLocalCodes(options.codes)), ...(await loadLocalCodes(env.IMPORT_LOCAL_CODES))];
  await applyPendingMigrations(env.DATABASE_URL, projectRoot(import.meta.dirname));
  const db = await createDb(env.DATABASE_URL);
  // PostgreSQL: no writer thread and no WAL settings; the writer's own path (one unnest INSERT per batch) is used.
  const postgres = isPostgresUrl(env.DATABASE_URL);
  // Checkpoint every 10,000 pages (≈ 40 MB of WAL) rather than SQLite's 1,000, as the writer thread does
  // (insert-worker.ts): with the default, each of this connection's small commits (the job's counts) would copy the
  // writer's frames to the database file. The station keeps the default, whose smaller checkpoints hold its event
  // loop for less; the WAL is cut back to 64 MB once checkpointed.
  if (!postgres) {
    await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 10000");
    await db.$queryRawUnsafe("PRAGMA journal_size_limit = 67108864");
  }
  let inserter: WorkerInserter | undefined;
  try {
    // This process serves no screen: its commits may be as large as an import's (MAX_READINGS_PER_BULK_COMMIT).
    // A dry run writes no reading: no writer thread for it.
    inserter = options.dryRun || postgres ? undefined : new WorkerInserter(env.DATABASE_URL.replace(/^file:/, ""));
    const writer = new ObservationWriter({
      db,
      episodes: new EpisodeDirectory(db),
      maxBatch: MAX_READINGS_PER_BULK_COMMIT,
      insert: inserter?.insert,
    });
    let lastPrinted = 0;
    const began = { at: performance.now(), cpu: process.cpuUsage(), rss: process.memoryUsage.rss() };
    const summary = await importFile({
      db,
      sink: writer,
      filePath: options.file,
      kind: options.kind,
      dryRun: options.dryRun,
      actor,
      localCodes,
      timeZone: options.timeZone ?? env.IMPORT_TIME_ZONE,
      csvTimeZone: options.csvTimeZone,
      mapping,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      onProgress: (s) => {
        if (s.status === "running" && Date.now() - lastPrinted > 2_000) {
          lastPrinted = Date.now();
          console.error(`… ${s.processed} records read, ${s.accepted} accepted`);
        }
      },
    });
    await writer.drain();
    await inserter?.close();
    inserter = undefined;
    // The WAL's last frames copied to the database file now, inside the time --stats reports, rather than when the
    // connection closes.
    if (!options.dryRun && !postgres) await db.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)");
    // For whoever sizes a machine for large imports (and bench/import-csv.ts): the import's own time, CPU and the
    // process's peak resident memory (getrusage: every thread of the process, as the kernel counted it).
    if (options.stats) {
      const cpu = process.cpuUsage(began.cpu);
      const stats = {
        records: summary.processed,
        accepted: summary.accepted,
        seconds: Number(((performance.now() - began.at) / 1000).toFixed(2)),
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
        rssAtStartMb: Math.round(began.rss / 1e6),
      };
      console.error(`stats ${JSON.stringify(stats)}`);
    }
    await recordAuditEvent({
      db,
      action: "import.run",
      outcome: summary.status === "failed" ? "failure" : "success",
      actor: { userId: null, username: actor, role: null },
      context: null,
      target: { type: "import-job", id: summary.jobId },
      details: {
        kind: summary.kind,
        fileName: path.basename(options.file),
        dryRun: options.dryRun,
        accepted: summary.accepted,
        rejected: summary.rejected,
        duplicate: summary.duplicate,
        ignored: summary.ignored,
      },
    });
    printSummary({ ...summary, fileName: path.basename(options.file) });
    if (options.report) {
      const out = createWriteStream(options.report);
      out.write(REJECTION_CSV_HEADER);
      for await (const r of listImportRejections({ db, jobId: summary.jobId })) out.write(formatRejectionCsv(r));
      out.end();
      await finished(out);
      console.log(`rejection report: ${options.report}`);
    }
    return summary.status === "done" ? 0 : 1;
  } finally {
    await inserter?.close();
    await closeDb(db);
  }
}

/**
 * The folder holding prisma/migrations, searched upwards from this module: server/imports when run from the sources,
 * node_modules/.cache/station-import when run as the bundle `npm run import` makes (launch-cli.js).
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "migrations"))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`no prisma/migrations above ${from}: run the import from the station's folder`);
  }
}

const ZServerAnswer = z.looseObject({
  jobId: z.string(),
  kind: z.string(),
  status: z.string(),
  dryRun: z.boolean(),
  processed: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicate: z.number(),
  ignored: z.number(),
  corrected: z.number(),
  error: z.string().optional(),
  rejections: z.array(z.object({ location: z.string(), field: z.string(), value: z.string(), reason: z.string() })),
});

async function postToServer(server: string, options: z.infer<typeof ZCliOptions>, username: string): Promise<number> {
  const password = await readPassword({
    prompt: `Password for ${username}: `,
    envVar: "STATION_PASSWORD",
    fromStdin: options.passwordStdin,
  });
  const signIn = await fetch(new URL("/api/auth/sign-in", server), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!signIn.ok) {
    console.error(`sign-in refused (${signIn.status}): ${JSON.stringify(await signIn.json().catch(() => null))}`);
    return 1;
  }
  // The session cookie, as a browser would send it back (name=value, without its attributes).
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const url = new URL("/api/imports", server);
  url.searchParams.set("fileName", path.basename(options.file));
  url.searchParams.set("dryRun", String(options.dryRun));
  if (options.kind) url.searchParams.set("kind", options.kind);
  if (options.csvTimeZone) url.searchParams.set("csvTimeZone", options.csvTimeZone);
  const body = Readable.toWeb(createReadStream(options.file)) as ReadableStream<Uint8Array>;
  const response = await fetch(url, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/octet-stream", cookie },
  } as RequestInit);
  const json: unknown = await response.json();
  if (!response.ok) {
    console.error(`the server refused the import (${response.status}): ${JSON.stringify(json)}`);
    return 1;
  }
  const summary = ZServerAnswer.parse(json);
  printSummary({ ...summary, fileName: path.basename(options.file) });
  await fetch(new URL("/api/auth/sign-out", server), { method: "POST", headers: { cookie } }).catch(() => undefined);
  return summary.status === "done" ? 0 : 1;
}

function printSummary(s: z.infer<typeof ZServerAnswer> & { fileName: string }): void {
  console.log(`${s.dryRun ? "DRY RUN (nothing stored) " : ""}${s.fileName} as ${s.kind}: job ${s.jobId} ${s.status}`);
  console.log(
    `  processed ${s.processed}  accepted ${s.accepted}${s.corrected ? ` (${s.corrected} corrected)` : ""}  rejected ${s.rejected}  duplicate ${s.duplicate}  ignored ${s.ignored}`,
  );
  if (s.error) console.log(`  ${s.error}`);
  for (const r of s.rejections.slice(0, 20)) console.log(`  ✗ ${r.location} ${r.field} "${r.value}": ${r.reason}`);
  if (s.rejected > 20)
    console.log(
      `  … ${s.rejected - 20} more in the report (--report file.csv, or GET /api/imports/${s.jobId}/rejections.csv)`,
    );
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
