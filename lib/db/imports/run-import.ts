import { randomUUID } from "node:crypto";
import { createCodeIndex } from "@/lib/imports/codes/create-code-index";
import type { TLocalCode } from "@/lib/imports/codes/local-codes";
import type { TImportChunk, TImportItem, TImportKind } from "@/lib/imports/import-record";
import type { TObservationSource } from "@/lib/observations/reading";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import type { Db } from "../client";
import { MAX_READINGS_PER_BULK_COMMIT } from "../observations/insert-observations";
import { applyAdtItem } from "./apply-adt-item";
import { createImportJob } from "./create-import-job";
import { finishImportJob } from "./finish-import-job";
import type { TBatchItem } from "./import-batch";
import {
  createImportRun,
  importRunState,
  keepRejection,
  type TImportRun,
  type TImportState,
  type TImportSummary,
} from "./import-run";
import { prepareImportBatch } from "./prepare-import-batch";
import { recordImportBatch } from "./record-import-batch";

export interface TRunImportOptions {
  db: Db;
  sink: ReadingSink;
  items: AsyncIterable<TImportChunk> | Iterable<TImportChunk>;
  kind: TImportKind;
  fileName: string;
  actor: string;
  dryRun?: boolean;
  /** The clock for "a time in the future"; the write path must use the same one. */
  now?: () => Date;
  localCodes?: readonly TLocalCode[];
  /**
   * Records per batch (default 2,000, at most MAX_READINGS_PER_BULK_COMMIT); each batch is committed in one
   * transaction when the writer's own batch is as large (the CLI's is).
   */
  batchSize?: number;
  jobId?: string;
  onProgress?: (state: TImportState) => void;
  /**
   * For a file: why it gave no readable record (lib/imports/inspect-source.ts). When given and nothing was read, the
   * job fails with this reason instead of ending "done, 0 processed". Not for an API message (an empty FHIR batch is a
   * valid request).
   */
  nothingRead?: () => string;
  /**
   * For a file: why it is not text at all (empty or binary; lib/imports/inspect-source.ts). When the reader stops
   * before any record (a binary file's first bytes taken for a CSV header), the job fails with this reason rather
   * than the reader's.
   */
  notText?: () => string | undefined;
  /** Keep every record's outcome in the summary (FHIR answers, MLLP acknowledgements): for small inputs only. */
  collectOutcomes?: boolean;
}

const SOURCE: Record<TImportKind, TObservationSource> = { hl7: "hl7", fhir: "fhir", csv: "csv", mimic: "csv" };

/**
 * Imports records as one job: map each to the catalogue, match its patient to the admitted stay, validate it as the
 * write path will, skip what is already stored (same source reference, or same stay, parameter, time and
 * value), and hand the rest to the write path a batch at a time, each batch committed whole (prepare-import-batch.ts
 * and the steps it calls, sharing the run's state, import-run.ts). The job's counts and rejections are recorded
 * after each batch, so a job stopped mid-way shows how far it got; a dry run does everything but the write and
 * reports the same counts.
 */
export async function runImport(options: TRunImportOptions): Promise<TImportSummary> {
  const { db, sink, kind, fileName, actor, dryRun = false, collectOutcomes = false } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = Math.min(Math.max(options.batchSize ?? 2_000, 1), MAX_READINGS_PER_BULK_COMMIT);
  const jobId = options.jobId ?? randomUUID();
  const run = createImportRun({
    db,
    jobId,
    kind,
    fileName,
    source: SOURCE[kind],
    dryRun,
    now,
    codes: createCodeIndex({ localCodes: options.localCodes }),
    onProgress: options.onProgress,
    collectOutcomes,
  });
  const ended = (status: "done" | "failed", error?: string): TImportSummary => {
    const state = importRunState(run, status, error);
    options.onProgress?.(state);
    return { ...state, status };
  };

  await createImportJob({ db, id: jobId, kind, fileName, actor, dryRun, startedAt: now() });

  // One batch commits while the next is prepared (prepareImportBatch says why), never two.
  let inFlight: Promise<void> | null = null;
  const finishInFlight = async () => {
    const committing = inFlight;
    inFlight = null;
    await committing;
  };
  const startBatch = async (batch: TBatchItem[]) => {
    const send = await prepareImportBatch(run, sink, batch);
    await finishInFlight();
    inFlight = send();
    // Marked handled: it is awaited before the next batch is sent, or in the catch below.
    inFlight.catch(() => undefined);
  };

  try {
    let batch: TBatchItem[] = [];
    for await (const chunk of options.items) {
      for (const item of isChunk(chunk) ? chunk : [chunk]) {
        if (item.type === "adt") {
          // The results before it are committed first, and the patients' episodes read again after it.
          if (batch.length > 0) await startBatch(batch);
          batch = [];
          await finishInFlight();
          await applyAdt(run, item);
          continue;
        }
        batch.push(item);
        if (batch.length >= batchSize) {
          await startBatch(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await startBatch(batch);
    await finishInFlight();
    if (run.counts.processed === run.unreadableItems && options.nothingRead) {
      const first = run.kept[0];
      const reason = `${options.nothingRead()}${first && run.unreadableItems > 0 ? ` (${first.location}: ${first.reason})` : ""}`;
      await finishImportJob({ db, jobId, error: reason, finishedAt: now() });
      return ended("failed", reason);
    }
  } catch (error) {
    // A batch already handed to the write path is still counted if it committed.
    await finishInFlight().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const notText = run.counts.processed === 0 ? options.notText?.() : undefined;
    const reason =
      notText ??
      `stopped after ${run.counts.processed} records: ${message}. Batches committed before the failure are kept; run the same import again to complete it (nothing is stored twice).`;
    try {
      await finishImportJob({ db, jobId, error: reason, finishedAt: now() });
    } catch {
      // The database itself failed: the job stays "running" with the counts of its last committed batch.
    }
    return ended("failed", reason);
  }
  await finishImportJob({ db, jobId, finishedAt: now() });
  return ended("done");
}

/** An ADT message, applied on its own between batches, counted and recorded as one record. */
async function applyAdt(run: TImportRun, item: Extract<TImportItem, { type: "adt" }>): Promise<void> {
  // Its patients' episodes may change: they are read again for the results after it.
  run.patients.clear();
  const rejection = await applyAdtItem({ db: run.db, ...item, dryRun: run.dryRun, now: run.now() });
  run.counts.processed += 1;
  if (rejection) run.counts.rejected += 1;
  else run.counts.accepted += 1;
  if (rejection) keepRejection(run, rejection);
  run.outcomes?.push({
    location: item.location,
    status: rejection ? "rejected" : "accepted",
    rejection: rejection ?? undefined,
  });
  await recordImportBatch({
    db: run.db,
    jobId: run.jobId,
    counts: run.counts,
    ignoredCodes: run.ignoredCodes,
    rejections: rejection ? [rejection] : [],
  });
}

function isChunk(chunk: TImportChunk): chunk is readonly TImportItem[] {
  return Array.isArray(chunk);
}
