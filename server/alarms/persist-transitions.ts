import type { TLimitProvenance } from "@/lib/alarms/limit-overrides";
import { saveAlarmEnginePosition } from "@/lib/db/alarms/alarm-engine-position";
import { saveAlarmEngineState } from "@/lib/db/alarms/alarm-engine-state";
import { applyAlarmTransitions } from "@/lib/db/alarms/apply-alarm-transitions";
import { endStayRuleAlarms } from "@/lib/db/alarms/end-stay-rule-alarms";
import { announceCommit } from "@/lib/db/changes/announce-commit";
import type { Db } from "@/lib/db/client";
import type { TFence } from "./alarm-engine";
import type { TStayMemory } from "./stay-memory";

/**
 * Writes the pending transitions of these stays (and ends the alarms of rules their ended support took with it) with
 * their evaluator states and the engine's position, in one
 * transaction (after the fence), then wakes the change feed. The memories are left written: nothing pending, clean;
 * an alarm the database ended on its own (acknowledged before the engine heard of it) is let go by the evaluator too.
 */
export async function persistTransitions({
  db,
  fence,
  changed,
  provenanceOf,
  judgedThrough,
  now,
}: {
  db: Db;
  fence: TFence | undefined;
  changed: readonly TStayMemory[];
  provenanceOf: (memory: TStayMemory) => Map<string, TLimitProvenance>;
  judgedThrough: number;
  now: Date;
}): Promise<void> {
  const endedOnLatch = new Map<TStayMemory, string[]>();
  await db.$transaction(async (tx) => {
    await fence?.(tx);
    for (const memory of changed) {
      if (memory.ending.length > 0) await endStayRuleAlarms({ db: tx, stayId: memory.id, ruleIds: memory.ending, now });
      const applied = await applyAlarmTransitions({
        db: tx,
        stay: memory,
        transitions: memory.pending,
        provenance: provenanceOf(memory),
      });
      if (applied.endedOnLatch.length > 0) endedOnLatch.set(memory, applied.endedOnLatch);
      await saveAlarmEngineState({ db: tx, stayId: memory.id, state: memory.state, lastSeq: memory.lastSeq, now });
    }
    await saveAlarmEnginePosition({ db: tx, observationSeq: judgedThrough, now });
  });
  for (const memory of changed) {
    memory.pending = [];
    memory.ending = [];
    memory.dirty = false;
  }
  for (const [memory, ruleIds] of endedOnLatch) {
    for (const ruleId of ruleIds) {
      const ruleState = memory.state.rules[ruleId];
      if (ruleState) ruleState.alarm = null;
    }
    memory.dirty = true;
  }
  announceCommit(db);
}
