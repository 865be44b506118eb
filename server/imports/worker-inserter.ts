import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { packObservationBatch, type TObservationBatch } from "@/lib/db/observations/observation-batch";

const YOUNG_GENERATION_MB = 4;

export interface TInsertWorkerData {
  /** The SQLite file (DATABASE_URL without its `file:`), resolved against the process's working directory. */
  readonly file: string;
}
export interface TInsertRequest {
  readonly id: number;
  readonly batch: TObservationBatch;
  readonly receivedAt: number;
}
/** Asks the worker to close its connection (SQLite then checkpoints the WAL) and end. */
export interface TCloseRequest {
  readonly close: true;
}
export type TInsertReply =
  { readonly id: number; readonly seqs: (number | null)[] } | { readonly id: number; readonly error: string };

/**
 * The import CLI's inserts, committed on a worker thread of their own (server/imports/insert-worker.ts) so that the
 * CLI reads and checks the next batch while the database commits this one: on two cores, the two halves of an import
 * run side by side (bench/import-csv.ts). For ObservationWriter's `insert` option: same answer as insertObservations
 * (a sequence number, or null for a reading stored before), given only once the batch is committed.
 */
export class WorkerInserter {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (seqs: (number | null)[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(databaseFile: string) {
    // Beside the bundle `npm run import` runs (server/imports/launch-cli.js builds both), or the TypeScript source
    // through tsx when the CLI runs from its sources (insert-worker-from-source.js).
    const bundled = new URL("./insert-worker.mjs", import.meta.url);
    // A small young generation: the thread's garbage is each batch's strings, and a large nursery would be resident
    // memory (the CLI's peak is a figure of bench/import-csv.ts).
    const options = {
      workerData: { file: databaseFile } satisfies TInsertWorkerData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    };
    this.worker = existsSync(fileURLToPath(bundled))
      ? new Worker(bundled, options)
      : new Worker(new URL("./insert-worker-from-source.js", import.meta.url), options);
    this.worker.on("message", (reply: TInsertReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.seqs);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the import's writer thread stopped (exit code ${code})`)));
  }

  readonly insert = (readings: readonly TValidReading[], receivedAt: Date): Promise<(number | null)[]> => {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const batch = packObservationBatch(readings);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The numbers are moved to the worker, not copied.
      this.worker.postMessage({ id, batch, receivedAt: receivedAt.getTime() } satisfies TInsertRequest, [
        batch.numbers.buffer as ArrayBuffer,
      ]);
    });
  };

  /** Ends the worker once its connection is closed; every batch sent before has its answer by then. */
  async close(): Promise<void> {
    // A thread that stopped on its own has nothing left to close.
    if (this.failure) return;
    this.worker.removeAllListeners("exit");
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.postMessage({ close: true } satisfies TCloseRequest);
    await exited;
  }
}
