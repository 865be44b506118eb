import type { TChange, TChangeCursor, TCommittedPage } from "@/lib/changes/change";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { announceCommit } from "../changes/announce-commit";
import { readCursorBeforePg } from "../changes/read-cursor-before.pg";
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
 * (docs/deployment-database.md). While it holds that lock, the transaction also reads where the logs stood before its
 * first reading, and the commit is announced with the page it made (TCommittedPage): the feeds of this node and,
 * through Redis, of the others take it instead of reading the same rows back (server/changes/start-change-feed.ts).
 * A batch with laboratory results is announced without its page: their supersession is decided row by row, and the
 * feeds read it.
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
  let page: TCommittedPage | undefined;
  if (dialectOf(db) === "sqlite") {
    seqs = await writeInTransaction(db, () => {
      const connection = sqliteConnection(db);
      if (epoch !== undefined) assertLeaderEpochOn(connection, epoch);
      return insertObservationBatch(connection, batch, receivedAt.getTime());
    });
  } else {
    // A deadlock or a serialisation failure rolls the batch back whole: it runs again (retry-on-deadlock.ts).
    const withLab = readings.some((r) => r.lab !== undefined);
    const written = await retryOnDeadlock(() =>
      insertInTransactionPg(db, epoch, async (query) => {
        const stored = await insertObservationBatchPg(query, batch, receivedAt.getTime());
        const first = firstSeq(stored);
        const before = withLab || first === null ? null : await readCursorBeforePg(query, first);
        return { stored, before };
      }),
    );
    seqs = written.stored;
    if (written.before) page = committedPage(readings, seqs, receivedAt.getTime(), written.before);
  }
  announceCommit(db, page);
  return seqs;
}

function firstSeq(seqs: readonly (number | null)[]): number | null {
  let first: number | null = null;
  for (const seq of seqs) if (seq !== null && (first === null || seq < first)) first = seq;
  return first;
}

/** The changes a feed would read after `from` for the readings just committed with these seqs. */
function committedPage(
  readings: readonly TValidReading[],
  seqs: readonly (number | null)[],
  receivedAt: number,
  from: TChangeCursor,
): TCommittedPage {
  const changes: TChange[] = [];
  readings.forEach((r, i) => {
    const seq = seqs[i];
    if (seq === null || seq === undefined) return;
    changes.push({
      log: "observation",
      seq,
      observation: {
        seq,
        stayId: r.stayId,
        episodeId: r.episodeId,
        bedId: r.bedId,
        unitId: r.unitId,
        parameter: r.parameter,
        value: r.value,
        unit: r.unit,
        observedAt: r.observedAt.getTime(),
        receivedAt,
        source: r.source,
      },
    });
  });
  changes.sort((a, b) => a.seq - b.seq);
  const last = changes.at(-1)?.seq ?? from.observation;
  return { changes, span: { from, to: { ...from, observation: last } } };
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
