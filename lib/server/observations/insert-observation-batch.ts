import type Database from "better-sqlite3";
import { batchSize, readBatchRow, type TBatchRow, type TObservationBatch } from "./observation-batch";

type TRow = [string, string, string, string, number, string, number, number, string, string];
type TContent = [string, string, number, number];

const STATEMENTS = new WeakMap<Database.Database, { insert: Database.Statement<TRow>; stored: Database.Statement<TContent, number> }>();

/**
 * The inserts of one batch on `connection`, inside a transaction the caller opened (the station's shared connection,
 * or the import CLI's writer thread, server/import/insert-worker.ts). Synchronous: nothing else runs on the
 * connection meanwhile.
 */
export function insertObservationBatch(connection: Database.Database, batch: TObservationBatch, receivedAt: number): (number | null)[] {
  let statements = STATEMENTS.get(connection);
  if (!statements) {
    const insert = connection.prepare<TRow>(
      `INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
       VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
    );
    const stored = connection.prepare<TContent, number>(`SELECT 1 FROM "Observation" WHERE "episodeId" = ? AND "parameter" = ? AND "observedAt" = ? AND "value" = ? LIMIT 1`).pluck();
    // Numbers come back as numbers (Prisma's adapter turns on BigInt integers for its connection).
    insert.safeIntegers(false);
    stored.safeIntegers(false);
    STATEMENTS.set(connection, (statements = { insert, stored }));
  }
  const { insert, stored } = statements;
  const n = batchSize(batch);
  const seqs: (number | null)[] = new Array<number | null>(n);
  const row = {} as TBatchRow;
  for (let i = 0; i < n; i += 1) {
    const r = readBatchRow(batch, i, row);
    if (stored.get(r.episodeId, r.parameter, r.observedAt, r.value) !== undefined) {
      seqs[i] = null;
      continue;
    }
    const { changes, lastInsertRowid } = insert.run(r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt, receivedAt, r.source, r.sourceRef);
    seqs[i] = changes === 1 ? Number(lastInsertRowid) : null;
  }
  return seqs;
}
