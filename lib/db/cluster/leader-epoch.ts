import type Database from "better-sqlite3";
import type { Db } from "../client";

const ROW = "station";

/** Thrown inside a leader-only transaction when another node has become leader since: the transaction rolls back. */
export class FencedError extends Error {
  constructor(
    readonly mine: number,
    readonly current: number | null,
  ) {
    super(`leadership lost: this node was elected with epoch ${mine}, the database holds ${current ?? "none"}`);
    this.name = "FencedError";
  }
}

/**
 * Called by a node that has just become leader (it holds the lock): increments the fencing epoch and answers it.
 * From then on, a former leader's leader-only writes fail their epoch check (assertLeaderEpoch).
 */
export async function claimLeaderEpoch({ db, nodeId, now }: { db: Db; nodeId: string; now: Date }): Promise<number> {
  const row = await db.leaderEpoch.upsert({
    where: { id: ROW },
    create: { id: ROW, epoch: 1, nodeId, acquiredAt: now },
    update: { epoch: { increment: 1 }, nodeId, acquiredAt: now },
    select: { epoch: true },
  });
  return row.epoch;
}

/**
 * The fence: run first inside every leader-only transaction. The read and the writes after it commit together, and
 * a new leader's claim is a write to the same row, so on SQLite (one writer) and on PostgreSQL (the claim's row
 * lock, READ COMMITTED re-read) a transaction that passed this check committed before the new epoch did.
 */
export async function assertLeaderEpoch({ db, epoch }: { db: Pick<Db, "leaderEpoch">; epoch: number }): Promise<void> {
  const row = await db.leaderEpoch.findUnique({ where: { id: ROW }, select: { epoch: true } });
  if (row?.epoch !== epoch) throw new FencedError(epoch, row?.epoch ?? null);
}

/**
 * The fence of a batch of readings, on the raw connections of the write path (lib/db/observations/insert-observations.ts),
 * which do not go through Prisma: the same check as assertLeaderEpoch, run first in the batch's transaction. On
 * SQLite the transaction holds the one write lock already (BEGIN IMMEDIATE); on PostgreSQL `FOR SHARE` makes a new
 * leader's claim wait until the batch has committed, so a batch that passed committed before the new epoch did.
 */
export const LEADER_EPOCH_SQL = {
  sqlite: `SELECT "epoch" FROM "LeaderEpoch" WHERE "id" = '${ROW}'`,
  postgres: `SELECT "epoch" FROM "LeaderEpoch" WHERE "id" = '${ROW}' FOR SHARE`,
} as const;

/** Throws FencedError unless `current` (the row's epoch as the engine returned it, or undefined) is `epoch`. */
export function assertEpochIs(epoch: number, current: unknown): void {
  const found = current === undefined || current === null ? null : Number(current);
  if (found !== epoch) throw new FencedError(epoch, found);
}

/** The SQLite form, synchronous, for a transaction on better-sqlite3's connection. */
export function assertLeaderEpochOn(connection: Database.Database, epoch: number): void {
  assertEpochIs(epoch, connection.prepare(LEADER_EPOCH_SQL.sqlite).pluck().get());
}
