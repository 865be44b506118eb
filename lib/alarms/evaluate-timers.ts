import { emptyRuleState, type TAlarmContext, type TAlarmState, type TAlarmTransition } from "./alarm-state";
import { applyJudgement } from "./apply-judgement";
import type { TAlarmEvaluation } from "./evaluate-alarms";
import { judgeTimer, type TLastSeenAt } from "./judge-timer";
import { rulesInForce } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";

export interface TEvaluateTimersOptions {
  readonly rules: readonly TAlarmRule[];
  readonly state: TAlarmState;
  readonly episode: TAlarmContext;
  readonly now: number;
  /**
   * The newest reading time of each parameter as the engine knows it (from the database after a restart, say);
   * the state's own newest readings count too, whichever is later.
   */
  readonly lastSeenAt?: TLastSeenAt;
}

/**
 * Judges the rules that time can raise without a reading: a lab overdue, a bed's device feed stale, a balloon
 * stopped too long. The engine calls it on a clock tick; pure like evaluateAlarms.
 */
export function evaluateTimers({
  rules,
  state,
  episode,
  now,
  lastSeenAt = {},
}: TEvaluateTimersOptions): TAlarmEvaluation {
  const next = structuredClone(state);
  const transitions: TAlarmTransition[] = [];
  const inForce = rulesInForce(rules, episode.deviceType);
  for (const rule of inForce) {
    if (rule.kind !== "absence" && rule.kind !== "technical") continue;
    const ruleState = (next.rules[rule.id] ??= emptyRuleState());
    const judgement = judgeTimer({ rule, ruleState, latest: next.latest, episode, now, lastSeenAt });
    if (judgement) applyJudgement({ rule, rules: inForce, state: next, judgement, at: now, seq: null, transitions });
  }
  next.evaluatedAt = now;
  return { state: next, transitions };
}
