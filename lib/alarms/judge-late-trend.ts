import type { TParameterCode } from "@/lib/catalogue";
import {
  emptyRuleState,
  type TAlarmEpisode,
  type TAlarmSample,
  type TAlarmState,
  type TAlarmTransition,
} from "./alarm-state";
import { applyJudgement } from "./apply-judgement";
import { judgeReading } from "./judge-reading";
import type { TAlarmRule, TTrendRule } from "./rule-schema";

/** Trend measures judged on a pair of successive samples: a late one changes the pairs it falls between. */
const PAIRWISE: ReadonlySet<TTrendRule["trend"]["measure"]> = new Set(["riseBetweenSamples", "riseAboveLevel"]);

/** A trend rule that a late sample can be judged for (judgeLateTrend); the others keep a window's memory. */
export function judgesLateSamples(rule: TAlarmRule): rule is TTrendRule {
  return rule.kind === "trend" && PAIRWISE.has(rule.trend.measure);
}

export interface TJudgeLateTrendOptions {
  readonly rule: TTrendRule;
  readonly rules: readonly TAlarmRule[];
  /** The evaluator's own copy, updated in place. */
  readonly state: TAlarmState;
  readonly episode: TAlarmEpisode;
  readonly code: TParameterCode;
  /** The late sample. */
  readonly sample: TAlarmSample;
  /** The parameter's newest known sample, newer than `sample`. */
  readonly current: TAlarmSample;
  /** The parameter's stored current results around the late one, any order (the engine reads them). */
  readonly series: readonly TAlarmSample[];
  readonly transitions: TAlarmTransition[];
}

/**
 * A trend judged on successive samples (lactate rising, LDH rising) judges a late sample where it falls in the
 * series, not against the newest value: the rise from the sample before it is judged for the record (raised at the
 * late sample's time and ended at once by the newer value, as judgeLateReading does for a threshold), and when the
 * late sample is now the one just before the current value, the current value is judged again from it: that pair is
 * the trend as it stands, so its alarm is raised, or ended, now.
 */
export function judgeLateTrend({
  rule,
  rules,
  state,
  episode,
  code,
  sample,
  current,
  series,
  transitions,
}: TJudgeLateTrendOptions): void {
  const ordered = [...new Map([...series, sample].map((s) => [s.seq, s])).values()]
    .filter((s) => s.observedAt <= current.observedAt)
    .sort((a, b) => a.observedAt - b.observedAt || a.seq - b.seq);
  const at = ordered.findIndex((s) => s.seq === sample.seq);
  const before = ordered[at - 1];
  const after = ordered[at + 1];
  const judge = (s: TAlarmSample, previous: TAlarmSample | undefined, target: TAlarmState, out: TAlarmTransition[]) => {
    const ruleState = (target.rules[rule.id] ??= emptyRuleState());
    const judgement = judgeReading({ rule, ruleState, code, sample: s, previous, latest: target.latest, episode });
    if (judgement)
      applyJudgement({ rule, rules, state: target, judgement, at: s.observedAt, seq: s.seq, transitions: out });
  };

  // The rise into the late sample, for the record, unless the rule's alarm stands already.
  if (before && !state.rules[rule.id]?.alarm) {
    const scratch: TAlarmState = { latest: { ...state.latest, [code]: sample }, rules: {}, evaluatedAt: null };
    const raised: TAlarmTransition[] = [];
    judge(sample, before, scratch, raised);
    for (const t of raised.filter((r) => r.type === "raised")) {
      const end = after ?? current;
      transitions.push(t, {
        ...t,
        type: "cleared",
        value: end.value,
        observedAt: end.observedAt,
        clearedBySeq: end.seq,
      });
    }
  }

  // The late sample is now the current value's predecessor: the trend as it stands is judged again on that pair.
  if (after?.seq === current.seq) judge(current, sample, state, transitions);
}
