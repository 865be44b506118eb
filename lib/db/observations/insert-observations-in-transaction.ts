import type { TValidReading } from "@/lib/observations/validate-reading";
import { dialectOf, sqliteConnection, type Db } from "../client";
import type { Prisma } from "../generated/client";
import { insertObservationBatch } from "./insert-observation-batch";
import { insertObservationBatchPg } from "./insert-observation-batch.pg";
import { MAX_READINGS_PER_COMMIT } from "./insert-observations";
import { packObservationBatch } from "./observation-batch";

/**
 * Stores validated readings inside the Prisma interactive transaction the caller holds open on `db`'s connection (a
 * round and its numbers): they commit with it or not at all, which the writer could not give (it waits for the
 * transaction to end, then commits in its own). Better-sqlite3 runs them synchronously on that same connection, so
 * they join the open transaction; the same statements and the same idempotence as insertObservations (null for a
 * reading stored before). The caller announces the commit once its transaction is over (announce-commit.ts).
 * On PostgreSQL the batch's one statement runs on the transaction client `db` (Prisma's raw query), so it joins the
 * transaction the same way. Async for PostgreSQL; on SQLite the inserts still run before the first await.
 */
export async function insertObservationsInTransaction({
  db,
  tx,
  readings,
  receivedAt,
}: {
  db: Db;
  /** The open transaction (PostgreSQL runs the insert on it; SQLite on `db`'s one connection, which holds it). */
  tx: Prisma.TransactionClient;
  readings: readonly TValidReading[];
  receivedAt: Date;
}): Promise<(number | null)[]> {
  if (readings.length === 0) return [];
  if (readings.length > MAX_READINGS_PER_COMMIT)
    throw new RangeError(
      `insertObservationsInTransaction takes at most ${MAX_READINGS_PER_COMMIT} readings (got ${readings.length})`,
    );
  const batch = packObservationBatch(readings);
  if (dialectOf(db) === "postgres")
    return insertObservationBatchPg((sql, params) => tx.$queryRawUnsafe(sql, ...params), batch, receivedAt.getTime());
  const connection = sqliteConnection(db);
  if (!connection.inTransaction)
    throw new Error("insertObservationsInTransaction runs inside an open transaction only (db.$transaction)");
  return insertObservationBatch(connection, batch, receivedAt.getTime());
}
