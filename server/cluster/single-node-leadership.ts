import { assertLeaderEpoch, claimLeaderEpoch } from "@/lib/db/cluster/leader-epoch";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { TermListeners, type Leadership } from "./leadership";

/**
 * The default without LEADER_LOCK_URL: this process is the only node and leads from the start. It still claims an
 * epoch, so that a second process started by mistake on the same SQLite file fences the first one's engine rather
 * than doubling its alarms (the later claim wins; the earlier one's writes then fail their check, and say so).
 */
export async function startSingleNodeLeadership({
  db,
  nodeId,
  log,
  now = () => new Date(),
}: {
  db: Db;
  nodeId: string;
  log: Logger;
  now?: () => Date;
}): Promise<Leadership> {
  const epoch = await claimLeaderEpoch({ db, nodeId, now: now() });
  const terms = new TermListeners(log);
  await terms.set({ epoch, fence: (tx) => assertLeaderEpoch({ db: tx, epoch }) });
  return {
    nodeId,
    shared: false,
    current: () => terms.current(),
    onChange: (listener) => terms.add(listener),
    stop: () => terms.set(null),
  };
}
