import type { TDeviceType, TParameterCode } from "@/lib/catalogue";
import {
  emptyAlarmState,
  type TAlarmContext,
  type TAlarmReading,
  type TAlarmState,
  type TAlarmTransition,
} from "./alarm-state";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { evaluateAlarms } from "./evaluate-alarms";
import { evaluateTimers } from "./evaluate-timers";
import type { TLastSeenAt } from "./judge-timer";
import type { TAlarmRule } from "./rule-schema";

export const S = 1_000;
export const MIN = 60 * S;
export const H = 60 * MIN;
export const D = 24 * H;
/** Every test episode starts (and heparin with it) at this instant. */
export const T0 = Date.UTC(2025, 0, 6, 8);

/** A reading to feed, or a clock tick for the timers. */
export type TStep =
  | { readonly at: number; readonly parameter: TParameterCode; readonly value: number }
  | { readonly tick: number; readonly lastSeenAt?: TLastSeenAt };

export const read = (parameter: TParameterCode, value: number, at: number): TStep => ({ parameter, value, at });
export const tick = (at: number, lastSeenAt?: TLastSeenAt): TStep =>
  lastSeenAt ? { tick: at, lastSeenAt } : { tick: at };

/** One reading per value, `stepMs` apart from `from`: a console's 5 s feed by default. */
export function series(parameter: TParameterCode, from: number, values: readonly number[], stepMs = 5 * S): TStep[] {
  return values.map((value, i) => read(parameter, value, from + i * stepMs));
}

/** `count` times the same value, as a series. */
export const times = (value: number, count: number): number[] => Array.from({ length: count }, () => value);

/** Several parameters per tick, `stepMs` apart: [[code, value], …] for each tick, in the order a console sends them. */
export function ticks(
  from: number,
  rows: readonly (readonly (readonly [TParameterCode, number])[])[],
  stepMs = 5 * S,
): TStep[] {
  return rows.flatMap((row, i) => row.map(([code, value]) => read(code, value, from + i * stepMs)));
}

export function episodeOf(deviceType: TDeviceType, patch: Partial<TAlarmContext> = {}): TAlarmContext {
  return { deviceType, startedAt: T0, ...patch };
}

export function ruleById(id: string, rules: readonly TAlarmRule[] = DEFAULT_ALARM_RULES): TAlarmRule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`No rule ${id}`);
  return rule;
}

export interface TRun {
  readonly state: TAlarmState;
  readonly transitions: TAlarmTransition[];
}

/**
 * Feeds the steps in order, as the engine would: consecutive readings in one evaluateAlarms call (seq numbered from
 * `firstSeq`), each tick an evaluateTimers call.
 */
export function run({
  steps,
  episode,
  rules = DEFAULT_ALARM_RULES,
  state = emptyAlarmState(),
  firstSeq = 1,
}: {
  steps: readonly TStep[];
  episode: TAlarmContext;
  rules?: readonly TAlarmRule[];
  state?: TAlarmState;
  firstSeq?: number;
}): TRun {
  let current = state;
  let seq = firstSeq;
  const transitions: TAlarmTransition[] = [];
  let batch: TAlarmReading[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const now = Math.max(...batch.map((r) => r.observedAt));
    const result = evaluateAlarms({ rules, state: current, episode, readings: batch, now });
    current = result.state;
    transitions.push(...result.transitions);
    batch = [];
  };
  for (const step of steps) {
    if ("tick" in step) {
      flush();
      const result = evaluateTimers({
        rules,
        state: current,
        episode,
        now: step.tick,
        ...(step.lastSeenAt ? { lastSeenAt: step.lastSeenAt } : {}),
      });
      current = result.state;
      transitions.push(...result.transitions);
    } else {
      batch.push({ seq: seq++, parameter: step.parameter, value: step.value, observedAt: step.at });
    }
  }
  flush();
  return { state: current, transitions };
}

/** The transitions of one rule, as short facts: "raised high", "cleared (latched)", "cleared by lactate-high". */
export function story(transitions: readonly TAlarmTransition[], ruleId?: string): string[] {
  return transitions
    .filter((t) => ruleId === undefined || t.ruleId === ruleId)
    .map((t) => {
      const who = ruleId === undefined ? `${t.ruleId} ` : "";
      if (t.type === "raised") return `${who}raised ${t.priority}${t.resumed ? " (resumed)" : ""}`;
      if (t.supersededBy) return `${who}cleared by ${t.supersededBy}`;
      return `${who}cleared${t.latched ? " (latched)" : ""}`;
    });
}
