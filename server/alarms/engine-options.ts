import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";

export interface AlarmEngineOptions {
  db: Db;
  log: Logger;
  rules?: readonly TAlarmRule[];
  now?: () => Date;
  /** Default STARTUP_GRACE_MS; tests that tick the clock themselves pass 0. */
  startupGraceMs?: number;
  /**
   * Run first in each of the engine's transactions: on several nodes, the leader's epoch check
   * (lib/db/cluster/leader-epoch.ts), which rolls back the writes of a former leader. None on a single node.
   */
  fence?: TFence;
}

export type TFence = (tx: Pick<Db, "leaderEpoch">) => Promise<void>;
