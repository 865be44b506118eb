import { isParameterCode, type TParameterCode } from "@/lib/catalogue";
import {
  emptyRuleState,
  type TAlarmContext,
  type TAlarmReading,
  type TAlarmSample,
  type TAlarmState,
  type TAlarmTransition,
} from "./alarm-state";
import { applyJudgement } from "./apply-judgement";
import { judgeLateReading } from "./judge-late-reading";
import { judgeLateTrend, judgesLateSamples } from "./judge-late-trend";
import { judgeReading } from "./judge-reading";
import { ruleInputs, rulesInForce } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";

export interface TEvaluateAlarmsOptions {
  readonly rules: readonly TAlarmRule[];
  readonly state: TAlarmState;
  readonly episode: TAlarmContext;
  /** New readings of the episode, in any order; each value in its catalogue unit. */
  readonly readings: readonly TAlarmReading[];
  /** The evaluation's time, epoch ms; validation delays count on the readings' own times. */
  readonly now: number;
  /**
   * For a parameter with a reading older than its newest known value: its stored current results around that reading
   * (the engine reads them, server/alarms/late-series.ts), so that a trend judges the late one in its place. Without
   * it the trends leave a late reading alone.
   */
  readonly series?: Partial<Record<TParameterCode, readonly TAlarmSample[]>>;
}

export interface TAlarmEvaluation {
  readonly state: TAlarmState;
  readonly transitions: TAlarmTransition[];
}

/**
 * Judges new readings against the rules in force for the episode's device type. Pure: the state given is left as
 * it was, and the next state and the alarms raised or cleared, in the order they happened, are returned for the
 * engine to persist.
 */
export function evaluateAlarms({
  rules,
  state,
  episode,
  readings,
  now,
  series = {},
}: TEvaluateAlarmsOptions): TAlarmEvaluation {
  const next = structuredClone(state);
  const transitions: TAlarmTransition[] = [];
  const inForce = rulesInForce(rules, episode.deviceType);
  const listeners = new Map<TParameterCode, TAlarmRule[]>();
  for (const rule of inForce) {
    for (const code of ruleInputs(rule, episode.deviceType))
      listeners.set(code, [...(listeners.get(code) ?? []), rule]);
  }

  const ordered = [...readings].sort((a, b) => a.observedAt - b.observedAt || a.seq - b.seq);
  for (const reading of ordered) {
    if (!isParameterCode(reading.parameter)) continue;
    const code = reading.parameter;
    const previous = next.latest[code];
    const sample = { seq: reading.seq, value: reading.value, observedAt: reading.observedAt };
    // A reading older than the newest known (a back-dated import, a late result) is history, not the current value:
    // judged for the record only (judge-late-reading.ts), and trends see it in its time order. One already judged (a
    // replay: same or smaller seq at the same time) is passed over.
    if (previous && reading.observedAt < previous.observedAt) {
      const judging = listeners.get(code) ?? [];
      judgeLateReading({
        listeners: judging,
        rules: inForce,
        state: next,
        episode,
        code,
        sample,
        current: previous,
        transitions,
      });
      // A trend judges it in its place in the series, with the memory the series gives it (judge-late-trend.ts).
      const around = series[code];
      if (around)
        for (const rule of judging.filter(judgesLateSamples))
          judgeLateTrend({
            rule,
            rules: inForce,
            state: next,
            episode,
            code,
            sample,
            current: previous,
            series: around,
            transitions,
          });
      continue;
    }
    if (previous && reading.observedAt === previous.observedAt && reading.seq <= previous.seq) continue;
    next.latest[code] = sample;
    for (const rule of listeners.get(code) ?? []) {
      const ruleState = (next.rules[rule.id] ??= emptyRuleState());
      const judgement = judgeReading({ rule, ruleState, code, sample, previous, latest: next.latest, episode });
      if (judgement)
        applyJudgement({
          rule,
          rules: inForce,
          state: next,
          judgement,
          at: sample.observedAt,
          seq: sample.seq,
          transitions,
        });
    }
  }
  next.evaluatedAt = now;
  return { state: next, transitions };
}
