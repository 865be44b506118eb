import { saveAlarmEnginePosition } from "@/lib/db/alarms/alarm-engine-position";
import { saveAlarmEngineState } from "@/lib/db/alarms/alarm-engine-state";
import type { Db } from "@/lib/db/client";
import type { TFence } from "./engine-options";
import type { TStayMemory } from "./stay-memory";

/**
 * The engine's checkpoint: the states of the stays judged since the last one and the position in the Observation
 * log, in one fenced transaction, so that a restart resumes where they agree (a stalled former leader writes nothing).
 */
export async function saveCheckpoint({
  db,
  fence,
  dirty,
  through,
  now,
}: {
  db: Db;
  fence: TFence | undefined;
  dirty: readonly TStayMemory[];
  through: number;
  now: Date;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence?.(tx);
    for (const memory of dirty)
      await saveAlarmEngineState({ db: tx, stayId: memory.id, state: memory.state, lastSeq: memory.lastSeq, now });
    await saveAlarmEnginePosition({ db: tx, observationSeq: through, now });
  });
}
