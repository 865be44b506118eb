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
