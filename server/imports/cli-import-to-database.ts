import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { REJECTION_CSV_HEADER, formatRejectionCsv } from "@/lib/imports/format-rejection-csv";
import type { TReadImportSourceOptions } from "@/lib/imports/read-import-source";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { closeDb, createDb, isPostgresUrl } from "@/lib/db/client";
import { listImportRejections } from "@/lib/db/imports/list-import-rejections";
import { MAX_READINGS_PER_BULK_COMMIT } from "@/lib/db/observations/insert-observations";
import { ZServerEnv } from "../env";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { applyPendingMigrations } from "../migrate";
import type { TCliOptions } from "./cli-options";
import { printSummary } from "./cli-print-summary";
import { importFile } from "./import-file";
import { loadLocalCodes } from "./load-local-codes";
import { WorkerInserter } from "./worker-inserter";

/**
 * Records per batch by default. Up to MAX_READINGS_PER_BULK_COMMIT may be asked for; at 10,000 a million-row CSV
 * peaked at 197–202 MB, at 6,000 at 169–181 MB, in the same time (bench/import-csv.ts): the batches in flight are
 * most of the heap.
 */
const DEFAULT_BATCH = 6_000;

/**
 * The CLI's default mode: opens the database of DATABASE_URL and writes through the same write path as the server
 * (same validation, same batches, same idempotency), on a writer thread of its own (SQLite), without sockets; audits
 * the import as `actor`, prints its summary (and --stats), writes the rejection report when asked. Resolves to the
 * exit code: 0 when the job is done, 1 when it failed.
 */
export async function importToDatabase({
  options,
  mapping,
  actor,
  moduleDir,
}: {
  options: TCliOptions;
  mapping: TReadImportSourceOptions["mapping"];
  actor: string;
  /** Where the CLI's module runs from, to find prisma/migrations above it (projectRoot). */
  moduleDir: string;
}): Promise<number> {
  const env = ZServerEnv.pick({ DATABASE_URL: true, IMPORT_TIME_ZONE: true, IMPORT_LOCAL_CODES: true }).parse(
    process.env,
  );
  const localCodes = [...(await loadLocalCodes(options.codes)), ...(await loadLocalCodes(env.IMPORT_LOCAL_CODES))];
  await applyPendingMigrations(env.DATABASE_URL, projectRoot(moduleDir));
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
