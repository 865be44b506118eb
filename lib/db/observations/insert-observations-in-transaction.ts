import type { TValidReading } from "@/lib/observations/validate-reading";
import { sqliteConnection, type Db } from "../client";
import { insertObservationBatch } from "./insert-observation-batch";
import { MAX_READINGS_PER_COMMIT } from "./insert-observations";
import { packObservationBatch } from "./observation-batch";

/**
 * Stores validated readings inside the Prisma interactive transaction the caller holds open on `db`'s connection (a
 * round and its numbers): they commit with it or not at all, which the writer could not give (it waits for the
 * transaction to end, then commits in its own). Better-sqlite3 runs them synchronously on that same connection, so
 * they join the open transaction; the same statements and the same idempotence as insertObservations (null for a
 * reading stored before). The caller announces the commit once its transaction is over (announce-commit.ts).
 */
export function insertObservationsInTransaction({
  db,
  readings,
  receivedAt,
}: {
  db: Db;
  readings: readonly TValidReading[];
  receivedAt: Date;
}): (number | null)[] {
  if (readings.length === 0) return [];
  if (readings.length > MAX_READINGS_PER_COMMIT)
    throw new RangeError(
      `insertObservationsInTransaction takes at most ${MAX_READINGS_PER_COMMIT} readings (got ${readings.length})`,
    );
  const connection = sqliteConnection(db);
  if (!connection.inTransaction)
    throw new Error("insertObservationsInTransaction runs inside an open transaction only (db.$transaction)");
  return insertObservationBatch(connection, packObservationBatch(readings), receivedAt.getTime());
}
