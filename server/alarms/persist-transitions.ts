import type { TLimitProvenance } from "@/lib/alarms/limit-overrides";
import { saveAlarmEnginePosition } from "@/lib/db/alarms/alarm-engine-position";
import { saveAlarmEngineState } from "@/lib/db/alarms/alarm-engine-state";
import { lockStayPlace } from "@/lib/db/stays/lock-stay-place";
import { applyAlarmTransitions } from "@/lib/db/alarms/apply-alarm-transitions";
import { announceCommit } from "@/lib/db/changes/announce-commit";
import type { Db } from "@/lib/db/client";
import type { TFence } from "./engine-options";
import type { TStayMemory } from "./stay-memory";

/**
 * Writes the pending transitions of these stays (and ends the alarms of rules their ended support took with it) with
 * their evaluator states, one transaction per stay (each after the fence), the engine's position with the last, and
 * wakes the change feed after each. The memories are left written: nothing pending, clean; an alarm the database
 * ended on its own (acknowledged before the engine heard of it) is let go by the evaluator too.
 *
 * One transaction per stay, its state written before its alarms, because an alarm event takes the log-order lock
 * (docs/deployment-database.md) and every node's readings wait for it until the commit: one transaction for every
 * stay held it through five statements per alarm, and after a start or a takeover, when the clock's first judgement
 * raises an alarm in most beds (84 events for 64 beds in bench/two-nodes.ts), for seconds, past Prisma's 5 s
 * limit on a loaded machine: the transaction rolled back and was tried again, every node's readings held 5 s each
 * time and no alarm stored (docs/deployment.md, "Other-node latency"). A stay's alarms and its state still commit
 * together; a stay whose state is stored beyond the position is not judged twice after a restart (its memory
 * resumes from its own last seq).
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
  for (const [i, memory] of changed.entries()) {
    const endedOnLatch = await db.$transaction(async (tx) => {
      await fence?.(tx);
      await saveAlarmEngineState({ db: tx, stayId: memory.id, state: memory.state, lastSeq: memory.lastSeq, now });
      if (i === changed.length - 1) await saveAlarmEnginePosition({ db: tx, observationSeq: judgedThrough, now });
      // Last, so that the log-order lock the first alarm event takes is held only until the commit that follows; the
      // alarms of ended rules with the transitions', all their rows before any event (apply-alarm-transitions.ts).
      // The engine learns of a move through the change feed, a page late at worst (a page's readings are judged
      // before its documents): an alarm raised meanwhile went to the bed the patient had left. Its bed is read here,
      // waiting for a move under way.
      const writes = memory.pending.length > 0 || memory.ending.length > 0;
      const place = writes ? await lockStayPlace(tx, memory.id) : null;
      const applied = await applyAlarmTransitions({
        db: tx,
        stay: {
          id: memory.id,
          episodeId: memory.episodeId,
          ...(place ?? { unitId: memory.unitId, bedId: memory.bedId }),
        },
        transitions: memory.pending,
        ending: { ruleIds: memory.ending, at: now },
        provenance: provenanceOf(memory),
      });
      return applied.endedOnLatch;
    });
    memory.pending = [];
    memory.ending = [];
    memory.dirty = false;
    for (const ruleId of endedOnLatch) {
      const ruleState = memory.state.rules[ruleId];
      if (ruleState) ruleState.alarm = null;
    }
    if (endedOnLatch.length > 0) memory.dirty = true;
    announceCommit(db);
  }
}
