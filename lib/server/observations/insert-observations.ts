import type { TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "../db/client";
import { preparedStatement, writeInTransaction } from "../db/shared-connection";

/** Readings per transaction: bounds how long one commit holds the write lock (and the event loop). */
export const MAX_READINGS_PER_COMMIT = 3_000;

type TRow = [string, string, string, string, number, string, number, number, string, string];

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
  const insert = preparedStatement<TRow>(
    db,
    `INSERT INTO "Observation" ("episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
     VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
  );
  return writeInTransaction(db, () =>
    readings.map((r) => {
      const { changes, lastInsertRowid } = insert.run(r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt.getTime(), received, r.source, r.sourceRef);
      return changes === 1 ? Number(lastInsertRowid) : null;
    }),
  );
}
