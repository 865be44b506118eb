import type { TValidReading } from "@/lib/observations/validate-reading";
import { announceCommit } from "../changes/announce-commit";
import { assertEpochIs, assertLeaderEpochOn, LEADER_EPOCH_SQL } from "../cluster/leader-epoch";
import { dialectOf, postgresPool, sqliteConnection, type Db } from "../client";
import { retryOnDeadlock } from "../retry-on-deadlock";
import { writeInTransaction } from "../prisma-connection";
import { insertObservationBatch } from "./insert-observation-batch";
import { insertObservationBatchPg } from "./insert-observation-batch.pg";
import { packObservationBatch } from "./observation-batch";
import type { TPgQuery } from "./insert-observation-batch.pg";

/**
 * Readings per transaction in the station's own process: one commit holds the event loop that serves the screens
 * (≈ 40 ms for 3,000 readings), so it is kept short.
 */
export const MAX_READINGS_PER_COMMIT = 3_000;

/**
 * Readings per transaction for an import in its own process (the CLI), which serves no screen. Each commit rewrites
 * every index page its readings touched, and a device export interleaves hundreds of series, so larger commits write
 * fewer pages per reading (bench/import-csv.ts, docs/imports.md). A station running meanwhile waits for at most one
 * such commit (≈ 0.15 s) to take the write lock.
 */
export const MAX_READINGS_PER_BULK_COMMIT = 10_000;

/**
 * Stores validated readings in one transaction, so that they commit together or not at all, and returns, reading by
 * reading, the sequence number given to it, or null when it was already stored: the same (source, sourceRef), skipped
 * by the database's unique key, or the same content (stay, parameter, time and value: the same result sent again
 * by another route, HL7 then FHIR), found by a look-up in the same transaction, so no other write can come between
 * the look-up and the insert. The look-up reads the (stayId, parameter, observedAt, value) index at the page the
 * insert writes next, so it costs little more than the insert (bench/import-csv.ts). Values compare exactly: every
 * stored value went through toCatalogueUnit, which rounds to 12 significant digits.
 *
 * A prepared statement per row on the better-sqlite3 connection Prisma's client uses, rather than a Prisma query:
 * a Prisma raw `INSERT … SELECT FROM json_each(?) … RETURNING` of 3,000 rows spent most of its time in Prisma and in
 * the statement journal SQLite keeps for a multi-row or RETURNING statement (bench/import-csv.ts, docs/imports.md).
 * Without RETURNING, a single-row INSERT needs no statement journal; its sequence number is the row id it inserted.
 * Sharing Prisma's connection keeps one writer (Prisma issue #29933). After the commit, this process's change feed is
 * woken: it tells the screens and the alarm engine from the Observation log.
 *
 * On PostgreSQL: one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING seq` in a transaction of its
 * own on a pooled connection, after a statement that locks the batch's stays and episodes (insert-observation-batch.pg.ts
 * says why); the log-order lock its trigger takes keeps seq order commit order for the change feed
 * (docs/deployment-database.md).
 */
export async function insertObservations({
  db,
  readings,
  receivedAt,
  epoch,
}: {
  db: Db;
  readings: readonly TValidReading[];
  receivedAt: Date;
  /**
   * For a producer that runs on the leader only (the simulator): the term it was started in. Checked first in the
   * same transaction as the inserts, which roll back with a FencedError when another node has become leader since:
   * a former leader that stalled and woke writes nothing.
   */
  epoch?: number;
}): Promise<(number | null)[]> {
  if (readings.length === 0) return [];
  if (readings.length > MAX_READINGS_PER_BULK_COMMIT) {
    throw new RangeError(
      `insertObservations takes at most ${MAX_READINGS_PER_BULK_COMMIT} readings at once (got ${readings.length})`,
    );
  }
  const batch = packObservationBatch(readings);
  let seqs: (number | null)[];
  if (dialectOf(db) === "sqlite") {
    seqs = await writeInTransaction(db, () => {
      const connection = sqliteConnection(db);
      if (epoch !== undefined) assertLeaderEpochOn(connection, epoch);
      return insertObservationBatch(connection, batch, receivedAt.getTime());
    });
  } else {
    // A deadlock or a serialisation failure rolls the batch back whole: it runs again (retry-on-deadlock.ts).
    seqs = await retryOnDeadlock(() =>
      insertInTransactionPg(db, epoch, (query) => insertObservationBatchPg(query, batch, receivedAt.getTime())),
    );
  }
  announceCommit(db);
  return seqs;
}

/**
 * `insert` in a transaction of its own on one pooled connection, after the fence's check of `epoch` when given. One
 * transaction even without a fence: the batch locks its stays before its INSERT (insert-observation-batch.pg.ts) and
 * its laboratory results are statements of their own after it, all of which must commit together.
 */
async function insertInTransactionPg<T>(
  db: Db,
  epoch: number | undefined,
  insert: (query: TPgQuery) => Promise<T>,
): Promise<T> {
  const client = await postgresPool(db).connect();
  try {
    await client.query("BEGIN");
    if (epoch !== undefined)
      assertEpochIs(epoch, (await client.query<{ epoch: unknown }>(LEADER_EPOCH_SQL.postgres)).rows[0]?.epoch);
    const result = await insert(
      async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[],
    );
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
