import type { Db } from "../client";

/** A node says it is alive (every few seconds); its first call records when it started. */
export async function recordNodeSeen({ db, nodeId, now }: { db: Db; nodeId: string; now: Date }): Promise<void> {
  await db.stationNode.upsert({
    where: { id: nodeId },
    create: { id: nodeId, startedAt: now, seenAt: now },
    update: { seenAt: now },
  });
}
