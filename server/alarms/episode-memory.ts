import { emptyAlarmState, type TAlarmEpisode, type TAlarmState, type TAlarmTransition } from "@/lib/alarms/alarm-state";
import type { TStoredEngineState } from "@/lib/db/alarms/alarm-engine-state";
import type { TEpisodeContext } from "@/lib/observations/validate-reading";

/** What the alarm engine (alarm-engine.ts) holds in memory for one episode it watches. */
export interface TEpisodeMemory {
  readonly id: string;
  /** The episode's stay: its readings are read through the stay's index. */
  readonly stayId: string;
  readonly unitId: string;
  readonly bedId: string;
  /** Its heparin run is refreshed on each clock tick (the settings can change while it runs). */
  episode: TAlarmEpisode;
  state: TAlarmState;
  /** The last observation seq judged. */
  lastSeq: number;
  /** Changed since it was last stored. */
  dirty: boolean;
  /** Transitions found while rebuilding, written with the next batch. */
  pending: TAlarmTransition[];
  /**
   * Until then (wall clock) the clock leaves this episode alone: history is arriving (a backfill, an import of past
   * results), and an absence judged now would raise "overdue" for a result still on its way in. Each old batch
   * pushes it on by the engine's CATCHING_UP_MS, so a single late lab result delays the timers by that much at most.
   */
  catchingUpUntil: number;
}

/** An episode's memory from its context and its stored evaluator state, if any (else a fresh one, replayed from seq 0). */
export function newEpisodeMemory(
  context: TEpisodeContext,
  stored: TStoredEngineState | undefined,
  weightKg?: number,
): TEpisodeMemory {
  return {
    id: context.id,
    stayId: context.stayId,
    unitId: context.unitId,
    bedId: context.bedId,
    episode: {
      deviceType: context.deviceType,
      startedAt: context.startedAt.getTime(),
      ...(weightKg === undefined ? {} : { weightKg }),
    },
    state: stored?.state ?? emptyAlarmState(),
    lastSeq: stored?.lastSeq ?? 0,
    dirty: false,
    pending: [],
    catchingUpUntil: 0,
  };
}
