import type Database from "better-sqlite3";
import {
  batchSize,
  NUMBERS_PER_READING,
  readBatchRow,
  type TBatchRow,
  type TObservationBatch,
} from "./observation-batch";

type TRow = [string, string, string, string, string, number, string, number, number, string, string];
type TContent = [string, string, number, number];

const STATEMENTS = new WeakMap<
  Database.Database,
  { insert: Database.Statement<TRow>; stored: Database.Statement<TContent, number> }
>();

/**
 * The inserts of one batch on `connection`, inside a transaction the caller opened (the station's shared connection,
 * or the import CLI's writer thread, server/imports/insert-worker.ts). Synchronous: nothing else runs on the
 * connection meanwhile.
 */
export function insertObservationBatch(
  connection: Database.Database,
  batch: TObservationBatch,
  receivedAt: number,
): (number | null)[] {
  let statements = STATEMENTS.get(connection);
  if (!statements) {
    const insert = connection.prepare<TRow>(
      // The stay is the episode's, read by primary key in the same statement: the batch format stays as it was.
      `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
       VALUES (?,(SELECT "stayId" FROM "SupportEpisode" WHERE "id" = ?),?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
    );
    const stored = connection
      .prepare<TContent, number>(
        `SELECT 1 FROM "Observation" WHERE "episodeId" = ? AND "parameter" = ? AND "observedAt" = ? AND "value" = ? LIMIT 1`,
      )
      .pluck();
    // Numbers come back as numbers (Prisma's adapter turns on BigInt integers for its connection).
    insert.safeIntegers(false);
    stored.safeIntegers(false);
    STATEMENTS.set(connection, (statements = { insert, stored }));
  }
  const { insert, stored } = statements;
  const n = batchSize(batch);
  const seqs: (number | null)[] = new Array<number | null>(n);
  const row = {} as TBatchRow;
  for (const i of seriesOrder(batch, n)) {
    const r = readBatchRow(batch, i, row);
    if (stored.get(r.episodeId, r.parameter, r.observedAt, r.value) !== undefined) {
      seqs[i] = null;
      continue;
    }
    const { changes, lastInsertRowid } = insert.run(
      r.episodeId,
      r.episodeId,
      r.bedId,
      r.unitId,
      r.parameter,
      r.value,
      r.unit,
      r.observedAt,
      receivedAt,
      r.source,
      r.sourceRef,
    );
    seqs[i] = changes === 1 ? Number(lastInsertRowid) : null;
  }
  return seqs;
}

/**
 * The batch's indices grouped by (episode, parameter), file order kept within each group (a stable sort). A device
 * export holds each second's readings of every series together, so in file order consecutive inserts land in as
 * many places of the (episode, parameter, time) index as there are series, more leaf pages than SQLite's page cache
 * holds; grouped, each leaf is written several times in a row. The rows' seqs follow this order, which changes
 * nothing a screen relies on: a batch is committed, and broadcast, as one.
 */
function seriesOrder(batch: TObservationBatch, n: number): number[] {
  const { numbers } = batch;
  const width = batch.parameters.length;
  const key = (i: number) =>
    (numbers[i * NUMBERS_PER_READING] ?? 0) * width + (numbers[i * NUMBERS_PER_READING + 1] ?? 0);
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => key(a) - key(b));
}
