import { getParameter } from "@/lib/catalogue";
import { emptyRuleState, type TAlarmState, type TAlarmTransition } from "./alarm-state";
import type { TAlarmEvaluation } from "./evaluate-alarms";
import { primaryParameter, rulesInForce } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";
import type { TAlarmContext } from "./alarm-state";

/** Why a result no longer stands: the laboratory corrected it, cancelled it, or sent the final after a preliminary. */
export const WITHDRAWAL_REASONS = ["result-corrected", "result-cancelled", "result-replaced"] as const;
export type TWithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export interface TWithdrawnResult {
  /** The stored reading that no longer stands. */
  readonly seq: number;
  /** The reading that replaced it (the correction, the cancellation, the final result). */
  readonly bySeq: number;
  readonly reason: TWithdrawalReason;
}

/**
 * A laboratory result replaced by a later message must not keep an alarm it raised: each alarm raised (or a
 * condition being timed) on a withdrawn reading is cleared at once, its history saying why, and its rule starts
 * afresh, so that the replacing value (judged next by evaluateAlarms) raises its own alarm with its own value if it
 * is still outside its limit. A withdrawn reading that was a parameter's newest is forgotten as such. Pure: the
 * state given is left as it was.
 *
 * The engine then judges again, at once, the result that is current once more after a cancellation (an older sample:
 * server/alarms/withdraw-replaced-results.ts), so that its alarm, if any, stands with its own value.
 */
export function withdrawResults({
  rules,
  state,
  episode,
  withdrawn,
  at,
}: {
  rules: readonly TAlarmRule[];
  state: TAlarmState;
  episode: TAlarmContext;
  withdrawn: readonly TWithdrawnResult[];
  at: number;
}): TAlarmEvaluation {
  if (withdrawn.length === 0) return { state, transitions: [] };
  const next = structuredClone(state);
  const transitions: TAlarmTransition[] = [];
  const bySeq = new Map(withdrawn.map((w) => [w.seq, w]));
  for (const [code, sample] of Object.entries(next.latest)) {
    if (sample && bySeq.has(sample.seq)) delete next.latest[code as keyof typeof next.latest];
  }
  for (const rule of rulesInForce(rules, episode.deviceType)) {
    const ruleState = next.rules[rule.id];
    if (!ruleState) continue;
    const alarm = ruleState.alarm;
    const byAlarm = alarm?.seq != null ? bySeq.get(alarm.seq) : undefined;
    const byCondition = ruleState.conditionSeq != null ? bySeq.get(ruleState.conditionSeq) : undefined;
    const w = byAlarm ?? byCondition;
    if (!w) continue;
    if (alarm && byAlarm) {
      const code = primaryParameter(rule);
      transitions.push({
        type: "cleared",
        ruleId: rule.id,
        priority: rule.priority,
        messageKey: rule.messageKey,
        parameter: primaryParameter(rule),
        value: alarm.value,
        limit: alarm.limit,
        comparison: alarm.comparison,
        unit: code ? getParameter(code).unit : "",
        observedAt: at,
        seq: alarm.seq,
        conditionSince: alarm.conditionSince,
        clearedBySeq: w.bySeq,
        latched: false,
        resumed: false,
        supersededBy: null,
        prompt: null,
        source: rule.source,
        withdrawal: w.reason,
      });
    }
    next.rules[rule.id] = { ...emptyRuleState(), ...keptMemory(ruleState) };
  }
  return { state: next, transitions };
}

/** What a rule remembers of other readings (a peak, a baseline) stays; only the alarm and its condition go. */
function keptMemory(ruleState: TAlarmState["rules"][string]): Partial<TAlarmState["rules"][string]> {
  const { conditionSince: _since, conditionSeq: _seq, alarm: _alarm, lastValue: _last, ...rest } = ruleState;
  return rest;
}
