import type Database from "better-sqlite3";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { sqliteConnection, type Db } from "../db/client";

/** Readings per transaction: bounds how long one commit holds the write lock (and the event loop). */
export const MAX_READINGS_PER_COMMIT = 3_000;

/** How long a commit waits for a Prisma transaction that is open on the shared connection before giving up. */
const OPEN_TRANSACTION_WAIT_MS = 10_000;

type TRow = [string, string, string, string, number, string, number, number, string, string];

const STATEMENTS = new WeakMap<Database.Database, (rows: readonly TRow[]) => (number | null)[]>();

/**
 * Stores validated readings in one transaction, so that they commit together or not at all, and returns, reading by
 * reading, the sequence number given to it, or null when its (source, sourceRef) was already stored (skipped by the
 * database's unique key, not by a read-then-write race).
 *
 * A prepared statement per row on the better-sqlite3 connection Prisma's client uses, rather than a Prisma query:
 * a Prisma raw `INSERT … SELECT FROM json_each(?) … RETURNING` of 3,000 rows spent most of its time in Prisma and in
 * the statement journal SQLite keeps for a multi-row or RETURNING statement (bench/import-csv.ts, docs/imports.md).
 * Without RETURNING, a single-row INSERT needs no statement journal; its sequence number is the row id it inserted.
 * Sharing Prisma's connection keeps one writer (Prisma issue #29933).
 */
export async function insertObservations({
  db,
  readings,
  receivedAt,
}: {
  db: Db;
  readings: readonly TValidReading[];
  receivedAt: Date;
}): Promise<(number | null)[]> {
  if (readings.length === 0) return [];
  if (readings.length > MAX_READINGS_PER_COMMIT) {
    throw new RangeError(`insertObservations takes at most ${MAX_READINGS_PER_COMMIT} readings at once (got ${readings.length})`);
  }
  const received = receivedAt.getTime();
  const rows = readings.map(
    (r): TRow => [r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt.getTime(), received, r.source, r.sourceRef],
  );
  const connection = sqliteConnection(db);
  await noTransactionOpen(connection);
  // Nothing awaits from here to the COMMIT: no other query of this process can run inside this transaction.
  return insertRows(connection)(rows);
}

function insertRows(connection: Database.Database): (rows: readonly TRow[]) => (number | null)[] {
  let insert = STATEMENTS.get(connection);
  if (!insert) {
    const statement = connection.prepare<TRow>(
      `INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
       VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
    );
    statement.safeIntegers(false);
    // IMMEDIATE takes the write lock at BEGIN: a busy database (another process writing) is waited out there, by the
    // busy timeout, never at COMMIT.
    const transaction = connection.transaction((batch: readonly TRow[]) =>
      batch.map((row) => {
        const { changes, lastInsertRowid } = statement.run(...row);
        return changes === 1 ? Number(lastInsertRowid) : null;
      }),
    );
    insert = (rows) => transaction.immediate(rows);
    STATEMENTS.set(connection, insert);
  }
  return insert;
}

/**
 * Prisma's interactive transactions run on the same connection and await between their queries. Committing while
 * one is open would nest this batch inside it (better-sqlite3 makes it a savepoint) and acknowledge readings that its
 * rollback could still erase, so the batch waits for it to end.
 */
async function noTransactionOpen(connection: Database.Database): Promise<void> {
  const deadline = Date.now() + OPEN_TRANSACTION_WAIT_MS;
  while (connection.inTransaction) {
    if (Date.now() > deadline) throw new Error(`a transaction stayed open on the database connection for ${OPEN_TRANSACTION_WAIT_MS / 1000} s: the batch was not written`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
