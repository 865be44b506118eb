import { closeImportsOfStoppedNodes } from "@/lib/db/cluster/close-imports-of-stopped-nodes";
import { recordNodeSeen } from "@/lib/db/cluster/record-node-seen";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import type { Leadership } from "./leadership";

/** Every node says it is alive this often… */
const SEEN_EVERY_MS = 2_000;
/** …and one silent for this long has stopped: the leader closes the import jobs it was running. */
const STOPPED_AFTER_MS = 15_000;

/**
 * This node's row in StationNode, kept fresh; and, while this node leads, the sweep that closes (failed, with the
 * reason) the running import jobs of nodes that stopped, whose uploads will never finish. Answers a function that
 * stops both.
 */
export function startNodePresence({
  db,
  leadership,
  log,
  now = () => new Date(),
  everyMs = SEEN_EVERY_MS,
  stoppedAfterMs = STOPPED_AFTER_MS,
}: {
  db: Db;
  leadership: Leadership;
  log: Logger;
  now?: () => Date;
  everyMs?: number;
  stoppedAfterMs?: number;
}): () => void {
  let busy = false;
  const round = async (): Promise<void> => {
    const at = now();
    await recordNodeSeen({ db, nodeId: leadership.nodeId, now: at });
    const term = leadership.current();
    if (!term) return;
    const stopped = await closeImportsOfStoppedNodes({
      db,
      epoch: term.epoch,
      seenBefore: new Date(at.getTime() - stoppedAfterMs),
      now: at,
    });
    for (const node of stopped)
      log.warn(
        `node ${node.nodeId} stopped (last seen ${node.seenAt.toISOString()}); import jobs closed as failed: ${
          node.closedJobs.length === 0 ? "none" : node.closedJobs.join(", ")
        }`,
      );
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    round()
      .catch((error: unknown) => log.error("node presence: a round failed; next one in a moment", error))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
