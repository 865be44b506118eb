import { emptyAlarmState, type TAlarmContext, type TAlarmState, type TAlarmTransition } from "@/lib/alarms/alarm-state";
import { evaluateTimers } from "@/lib/alarms/evaluate-timers";
import { rulesInForce } from "@/lib/alarms/rule-inputs";
import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import type { TStoredEngineState } from "@/lib/db/alarms/alarm-engine-state";
import type { TMonitoredStay } from "@/lib/db/alarms/list-monitored-stays";

/**
 * What the alarm engine (alarm-engine.ts) holds in memory for one stay it watches: every reading of the stay is
 * judged, with or without support running; which rules apply follows what runs (rulesInForce).
 */
export interface TStayMemory {
  /** The stay's id. */
  readonly id: string;
  /** Where the patient is now (a move changes the bed): refreshed on each clock tick. */
  unitId: string;
  bedId: string;
  /** The episode running now; null when no support runs. */
  episodeId: string | null;
  /** The rules' context: the running device (null when none), heparin run, weight. Refreshed on each clock tick. */
  context: TAlarmContext;
  state: TAlarmState;
  /** The last observation seq judged. */
  lastSeq: number;
  /** Changed since it was last stored. */
  dirty: boolean;
  /** Transitions found while rebuilding, written with the next batch. */
  pending: TAlarmTransition[];
  /** Rules whose open alarm ends with the support that ended ("episode-ended"), written with the next batch. */
  ending: string[];
  /**
   * Until then (wall clock) the clock leaves this stay alone: history is arriving (a backfill, an import of past
   * results), and an absence judged now would raise "overdue" for a result still on its way in. Each old batch
   * pushes it on by the engine's CATCHING_UP_MS, so a single late lab result delays the timers by that much at most.
   */
  catchingUpUntil: number;
}

/** The rules' context for what runs in a stay now (its running episode, if any). */
function contextOf(stay: TMonitoredStay, weightKg: number | undefined): TAlarmContext {
  const weight = weightKg === undefined ? {} : { weightKg };
  if (!stay.episode) return { deviceType: null, startedAt: stay.admittedAt, ...weight };
  const { deviceType, startedAt, heparin } = stay.episode;
  return { deviceType, startedAt, ...weight, ...(heparin ? { heparin } : {}) };
}

/** A stay's memory from what runs in it and its stored evaluator state, if any (else a fresh one, from seq 0). */
export function newStayMemory(
  stay: TMonitoredStay,
  stored: TStoredEngineState | undefined,
  weightKg: number | undefined,
): TStayMemory {
  return {
    id: stay.id,
    unitId: stay.unitId,
    bedId: stay.bedId,
    episodeId: stay.episode?.id ?? null,
    context: contextOf(stay, weightKg),
    state: stored?.state ?? emptyAlarmState(),
    lastSeq: stored?.lastSeq ?? 0,
    dirty: false,
    pending: [],
    ending: [],
    catchingUpUntil: 0,
  };
}

/**
 * Brings a memory to what runs in its stay now. When the support changed (ended, or another started), the rules that
 * no longer apply are forgotten, and those whose alarm stands are named in `ending`: their alarms end with the
 * support ("episode-ended"), while the rules judged for the whole stay keep their state and their alarms (a lactate
 * alarm goes on after decannulation). Also run on a memory just loaded, whose stored state may hold rules of a
 * support that ended while the station was down.
 */
export function followStay(memory: TStayMemory, stay: TMonitoredStay, rules: readonly TAlarmRule[]): void {
  const weightKg = memory.context.weightKg;
  memory.unitId = stay.unitId;
  memory.bedId = stay.bedId;
  memory.context = contextOf(stay, weightKg);
  const episodeId = stay.episode?.id ?? null;
  const changed = episodeId !== memory.episodeId;
  memory.episodeId = episodeId;
  const inForce = new Set(rulesInForce(rules, memory.context.deviceType).map((r) => r.id));
  for (const [ruleId, ruleState] of Object.entries(memory.state.rules)) {
    if (inForce.has(ruleId)) continue;
    if (ruleState.alarm) memory.ending.push(ruleId);
    delete memory.state.rules[ruleId];
    memory.dirty = true;
  }
  if (changed) memory.dirty = true;
}

/** Something to write: transitions, or alarms that end with a support. */
export function hasWrites(memory: TStayMemory): boolean {
  return memory.pending.length > 0 || memory.ending.length > 0;
}

/** What time alone raises (absence, staleness, pump stop, overdue timers), judged for this stay now: queued to write. */
export function judgeClock(memory: TStayMemory, rules: readonly TAlarmRule[], now: number): void {
  const result = evaluateTimers({ rules, state: memory.state, episode: memory.context, now });
  memory.state = result.state;
  memory.dirty = true;
  memory.pending.push(...result.transitions);
}
