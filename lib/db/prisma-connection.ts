import type Database from "better-sqlite3";
import { sqliteConnection, type Db } from "./client";

/** How long a write or a read of the logs waits for a Prisma transaction open on the shared connection before giving up. */
const OPEN_TRANSACTION_WAIT_MS = 10_000;

const STATEMENTS = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection, on the connection Prisma's client uses (lib/db/client.ts). For the
 * import's per-batch hot paths: a Prisma query costs its compilation and mapping on every call, a prepared statement
 * only SQLite's work. Numbers come back as numbers (the adapter turns on BigInt integers for the connection).
 */
export function preparedStatement<P extends unknown[] = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  const connection = sqliteConnection(db);
  let cache = STATEMENTS.get(connection);
  if (!cache) STATEMENTS.set(connection, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement as Database.Statement<P, R>;
}

/**
 * Runs `write` in one IMMEDIATE transaction on the shared connection, once no Prisma transaction is open on it.
 * Prisma's interactive transactions await between their queries: a write made meanwhile would join theirs (as a
 * savepoint) and be erased by their rollback after it was acknowledged. `write` is synchronous, so nothing else of
 * this process runs between its BEGIN and its COMMIT; IMMEDIATE takes the write lock at BEGIN, so a database busy
 * with another process is waited out there (busy timeout), never at COMMIT (Prisma issue #29933).
 */
export function writeInTransaction<T>(db: Db, write: () => T): Promise<T> {
  return outsideTransactions(db, (connection) => connection.transaction(write).immediate());
}

/**
 * Runs `read` on the shared connection once no Prisma transaction is open on it. A query made while one is open runs
 * inside it and sees its rows before they are committed, rows its rollback may yet erase (and whose seq a later commit
 * would then reuse): a log's follower must see only what is committed (server/changes/start-change-feed.ts). `read`
 * is synchronous, so no transaction of this process can open while it runs.
 */
export function readCommitted<T>(db: Db, read: (connection: Database.Database) => T): Promise<T> {
  return outsideTransactions(db, read);
}

/**
 * Runs `run` on the shared connection once no transaction is open on it (at most OPEN_TRANSACTION_WAIT_MS later), in
 * the same tick as the check: an await between them would let a Prisma transaction begin.
 */
async function outsideTransactions<T>(db: Db, run: (connection: Database.Database) => T): Promise<T> {
  const connection = sqliteConnection(db);
  const deadline = Date.now() + OPEN_TRANSACTION_WAIT_MS;
  while (connection.inTransaction) {
    if (Date.now() > deadline)
      throw new Error(
        `a transaction stayed open on the database connection for ${OPEN_TRANSACTION_WAIT_MS / 1000} s: nothing was done`,
      );
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return run(connection);
}
