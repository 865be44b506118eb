import type { Db } from "../client";
import { assertLeaderEpoch } from "./leader-epoch";

export interface TStoppedNode {
  nodeId: string;
  seenAt: Date;
  closedJobs: string[];
}

/**
 * The leader's sweep: a node not seen since `seenBefore` has stopped (killed, its machine lost), and the import
 * jobs it was running will never finish; they are marked failed with the reason, and the node's row is removed. One
 * transaction, fenced by the leader's epoch. A node that was only slow and comes back records itself again; a job
 * it was still running finishes over the failed status (finish-import-job writes the status it ends with).
 */
export async function closeImportsOfStoppedNodes({
  db,
  epoch,
  seenBefore,
  now,
}: {
  db: Db;
  epoch: number;
  seenBefore: Date;
  now: Date;
}): Promise<TStoppedNode[]> {
  return db.$transaction(async (tx) => {
    await assertLeaderEpoch({ db: tx, epoch });
    const stopped = await tx.stationNode.findMany({ where: { seenAt: { lt: seenBefore } } });
    const result: TStoppedNode[] = [];
    for (const node of stopped) {
      const jobs = await tx.importJob.findMany({
        where: { nodeId: node.id, status: "running" },
        select: { id: true },
      });
      if (jobs.length > 0)
        await tx.importJob.updateMany({
          where: { id: { in: jobs.map((j) => j.id) } },
          data: {
            status: "failed",
            finishedAt: now,
            error: `stopped: the station node running it (${node.id}) stopped answering after ${node.seenAt.toISOString()}`,
          },
        });
      await tx.stationNode.delete({ where: { id: node.id } });
      result.push({ nodeId: node.id, seenAt: node.seenAt, closedJobs: jobs.map((j) => j.id) });
    }
    return result;
  });
}
