import type { TParameterCode } from "@/lib/catalogue";
import {
  emptyRuleState,
  type TAlarmContext,
  type TAlarmSample,
  type TAlarmState,
  type TAlarmTransition,
} from "./alarm-state";
import { applyJudgement } from "./apply-judgement";
import { judgeReading } from "./judge-reading";
import { outranks } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";

export interface TJudgeLateReadingOptions {
  /** The rules that judge this parameter, highest priority first (evaluateAlarms' listeners). */
  readonly listeners: readonly TAlarmRule[];
  /** Every rule in force, to find a family's higher rule. */
  readonly rules: readonly TAlarmRule[];
  /** The evaluator's own copy, updated in place (only a latching rule's alarm is added to it). */
  readonly state: TAlarmState;
  readonly episode: TAlarmContext;
  readonly code: TParameterCode;
  /** The late reading. */
  readonly sample: TAlarmSample;
  /** The newest known reading of the parameter, newer than `sample`: the current value. */
  readonly current: TAlarmSample;
  readonly transitions: TAlarmTransition[];
}

/**
 * A reading older than the newest known value of its parameter (a result that reaches the station late, a back-dated
 * import) is judged for the record, never made the current value. Each threshold rule on the parameter judges it as
 * if it had come in time: when it crosses the limit, the alarm is raised at the reading's own time and, because a
 * newer value is the current one, ended by that newer value at once; a latching rule's alarm stands instead, latched,
 * until someone acknowledges it (a critical result nobody saw must be seen). A rule whose alarm already stands, or is
 * superseded by a standing higher rule of its family, is left as it is. Rules that need a run of readings (a
 * validation delay, a trend, a derived value) cannot judge one sample out of its order and are not asked.
 */
export function judgeLateReading({
  listeners,
  rules,
  state,
  episode,
  code,
  sample,
  current,
  transitions,
}: TJudgeLateReadingOptions): void {
  // A scratch state: the late value judged on its own, beside the other parameters' newest values.
  const scratch: TAlarmState = { latest: { ...state.latest, [code]: sample }, rules: {}, evaluatedAt: null };
  const raised: TAlarmTransition[] = [];
  for (const rule of listeners) {
    if (rule.kind !== "threshold" || rule.validationDelayMs > 0) continue;
    if (state.rules[rule.id]?.alarm) continue;
    const supersededNow = rules.some(
      (r) =>
        r.family !== undefined &&
        r.family === rule.family &&
        outranks(r.priority, rule.priority) &&
        state.rules[r.id]?.alarm,
    );
    if (supersededNow) continue;
    const ruleState = (scratch.rules[rule.id] = emptyRuleState());
    const judgement = judgeReading({
      rule,
      ruleState,
      code,
      sample,
      previous: undefined,
      latest: scratch.latest,
      episode,
    });
    if (judgement)
      applyJudgement({
        rule,
        rules,
        state: scratch,
        judgement,
        at: sample.observedAt,
        seq: sample.seq,
        transitions: raised,
      });
  }
  for (const t of raised) {
    if (t.type !== "raised") continue;
    const rule = listeners.find((r) => r.id === t.ruleId);
    const alarm = scratch.rules[t.ruleId]?.alarm;
    if (!rule || !alarm) continue;
    transitions.push(t);
    const end = {
      type: "cleared" as const,
      value: current.value,
      observedAt: current.observedAt,
      clearedBySeq: current.seq,
    };
    if (rule.latching) {
      state.rules[rule.id] = {
        ...(state.rules[rule.id] ?? emptyRuleState()),
        alarm: { ...alarm, conditionActive: false },
      };
      transitions.push({ ...t, ...end, latched: true });
    } else {
      transitions.push({ ...t, ...end });
    }
  }
}
