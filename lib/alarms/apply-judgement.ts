import type { TAlarmState, TAlarmTransition, TRaisedAlarm } from "./alarm-state";
import type { TJudgement } from "./judgement";
import { outranks, primaryParameter } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";

export interface TApplyJudgementOptions {
  readonly rule: TAlarmRule;
  /** The rules in force, to find a family's higher rule. */
  readonly rules: readonly TAlarmRule[];
  /** The evaluator's own copy, updated in place. */
  readonly state: TAlarmState;
  readonly judgement: TJudgement;
  /** The reading's time, or `now` for a timer. */
  readonly at: number;
  /** The judged reading; null for a timer. */
  readonly seq: number | null;
  /** Where the transitions go, in the order they happen. */
  readonly transitions: TAlarmTransition[];
}

/**
 * Moves one rule's alarm on a judgement: a condition must hold for the validation delay before the alarm is raised,
 * and must be back past its hysteresis band before it clears; a latching alarm outlives its condition until
 * acknowledged; a raised higher rule of the same family supersedes a lower one.
 */
export function applyJudgement({ rule, rules, state, judgement, at, seq, transitions }: TApplyJudgementOptions): void {
  const ruleState = state.rules[rule.id];
  if (!ruleState) throw new Error(`No state for rule ${rule.id}`);
  ruleState.lastValue = judgement.value;
  const rootSeq = judgement.seq === undefined ? seq : judgement.seq;
  const emit = (type: TAlarmTransition["type"], alarm: TRaisedAlarm, extra: Partial<TAlarmTransition> = {}) =>
    transitions.push({
      type,
      ruleId: rule.id,
      priority: rule.priority,
      messageKey: rule.messageKey,
      parameter: primaryParameter(rule),
      value: judgement.value,
      limit: type === "raised" ? judgement.limit : alarm.limit,
      comparison: type === "raised" ? judgement.comparison : alarm.comparison,
      unit: judgement.unit,
      observedAt: at,
      seq: alarm.seq,
      conditionSince: alarm.conditionSince,
      clearedBySeq: null,
      latched: false,
      resumed: false,
      supersededBy: null,
      prompt: rule.prompt ?? null,
      source: judgement.source ?? rule.source,
      ...extra,
    });

  // A latched higher alarm still supersedes: it stands until acknowledged, and the lower one takes over at its next
  // reading after that.
  const superior = rules.find(
    (r) =>
      r.family !== undefined &&
      r.family === rule.family &&
      outranks(r.priority, rule.priority) &&
      state.rules[r.id]?.alarm,
  );
  if (superior && ruleState.alarm) {
    emit("cleared", ruleState.alarm, { supersededBy: superior.id });
    ruleState.alarm = null;
  }

  if (judgement.met) {
    if (ruleState.conditionSince === null) {
      ruleState.conditionSince = judgement.since ?? at;
      ruleState.conditionSeq = rootSeq;
    }
    const validated = at - ruleState.conditionSince >= rule.validationDelayMs;
    // The lower rule keeps timing its condition, so that it takes over at once when the higher one clears.
    if (superior || !validated) return;
    const alarm = ruleState.alarm;
    if (!alarm) {
      ruleState.alarm = {
        raisedAt: at,
        seq: rootSeq,
        conditionSince: ruleState.conditionSince,
        value: judgement.value,
        limit: judgement.limit,
        comparison: judgement.comparison,
        conditionActive: true,
        acknowledgedAt: null,
      };
      emit("raised", ruleState.alarm);
    } else if (!alarm.conditionActive) {
      alarm.conditionActive = true;
      emit("raised", alarm, { resumed: true, seq: rootSeq, conditionSince: ruleState.conditionSince });
    }
    return;
  }

  ruleState.conditionSince = null;
  ruleState.conditionSeq = null;
  const alarm = ruleState.alarm;
  // Inside the hysteresis band a raised alarm stands: a value hovering at its limit must not flap.
  if (!alarm || !alarm.conditionActive || !judgement.clear) return;
  if (rule.latching && alarm.acknowledgedAt === null) {
    alarm.conditionActive = false;
    emit("cleared", alarm, { clearedBySeq: seq, latched: true });
  } else {
    ruleState.alarm = null;
    emit("cleared", alarm, { clearedBySeq: seq });
  }
}
