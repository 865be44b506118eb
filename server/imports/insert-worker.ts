// The import CLI's writer thread (server/imports/worker-inserter.ts starts it): its own better-sqlite3 connection to
// the station's database, on which it commits the batches the CLI's main thread sends, while that thread reads and
// checks the next batch. The CLI is already a second writer beside a running station (another process); this thread
// is that writer, and the CLI's Prisma connection only writes the job's row and report. Every transaction is
// BEGIN IMMEDIATE, so a busy database is waited out at BEGIN (busy timeout), never at COMMIT.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { insertObservationBatch } from "@/lib/db/observations/insert-observation-batch";
import type { TCloseRequest, TInsertReply, TInsertRequest, TInsertWorkerData } from "./worker-inserter";

const port = parentPort;
if (!port) throw new Error("insert-worker.ts runs as a worker thread (server/imports/worker-inserter.ts)");
const { file } = workerData as TInsertWorkerData;
const connection = new Database(file, { fileMustExist: true });
connection.pragma("journal_mode = WAL");
connection.pragma("busy_timeout = 5000");
connection.pragma("synchronous = NORMAL");
connection.pragma("foreign_keys = ON");
// Rarer checkpoints: each commit of an import rewrites about a thousand index pages (bench/import-csv.ts).
connection.pragma("wal_autocheckpoint = 10000");
connection.pragma("journal_size_limit = 67108864");

port.on("message", (request: TInsertRequest | TCloseRequest) => {
  if ("close" in request) {
    connection.close();
    port.close();
    return;
  }
  let reply: TInsertReply;
  try {
    const seqs = connection
      .transaction(() => insertObservationBatch(connection, request.batch, request.receivedAt))
      .immediate();
    reply = { id: request.id, seqs };
  } catch (error) {
    // Rolled back: nothing of the batch is stored.
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
