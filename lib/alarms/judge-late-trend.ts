import type { TParameterCode } from "@/lib/catalogue";
import {
  emptyRuleState,
  type TAlarmContext,
  type TAlarmSample,
  type TAlarmState,
  type TAlarmTransition,
  type TRuleState,
} from "./alarm-state";
import { applyJudgement } from "./apply-judgement";
import { judgeReading } from "./judge-reading";
import type { TAlarmRule, TTrendRule } from "./rule-schema";

type TMeasure = TTrendRule["trend"]["measure"];

/** Measures judged on a pair of successive samples: the sample before the judged one is an input. */
const PAIRWISE: ReadonlySet<TMeasure> = new Set<TMeasure>(["riseBetweenSamples", "riseAboveLevel"]);

/**
 * Trend measures that a late sample is judged for. All but the flow at a steady speed: that one judges a flow against
 * the pump speed in force at the time (another parameter, which a series of one parameter does not carry), and both
 * come from the console's feed, in time order.
 */
const LATE_JUDGED: ReadonlySet<TMeasure> = new Set<TMeasure>([
  "riseBetweenSamples",
  "riseAboveLevel",
  "fallFromPeak",
  "meanPerKgWithinWindow",
  "fallWithinWindow",
]);

/** A trend rule that a late sample can be judged for (judgeLateTrend). */
export function judgesLateSamples(rule: TAlarmRule): rule is TTrendRule {
  return rule.kind === "trend" && LATE_JUDGED.has(rule.trend.measure);
}

/**
 * How far back before a late sample at `at` the stored series must reach for the rule to judge it and the current
 * value in their places: the window for a windowed trend, heparin's start for the platelet peak; null when the
 * newest results are enough (a pairwise trend needs only the sample before it).
 */
export function lateSeriesFrom(rule: TTrendRule, episode: TAlarmContext, at: number): number | null {
  const trend = rule.trend;
  switch (trend.measure) {
    case "meanPerKgWithinWindow":
    case "fallWithinWindow":
      return at - trend.windowMs;
    case "fallFromPeak":
      return Math.min(at, episode.heparinStartedAt ?? episode.startedAt);
    default:
      return null;
  }
}

export interface TJudgeLateTrendOptions {
  readonly rule: TTrendRule;
  readonly rules: readonly TAlarmRule[];
  /** The evaluator's own copy, updated in place. */
  readonly state: TAlarmState;
  readonly episode: TAlarmContext;
  readonly code: TParameterCode;
  /** The late sample. */
  readonly sample: TAlarmSample;
  /** The parameter's newest known sample, newer than `sample`. */
  readonly current: TAlarmSample;
  /** The parameter's stored current results around the late one, any order (the engine reads them). */
  readonly series: readonly TAlarmSample[];
  readonly transitions: TAlarmTransition[];
}

/** What a trend remembers between samples (the platelet peak, a window's checkpoints), apart from its alarm. */
function memoryOf(ruleState: TRuleState | undefined): Pick<TRuleState, "peak" | "checkpoints"> {
  return {
    ...(ruleState?.peak ? { peak: ruleState.peak } : {}),
    ...(ruleState?.checkpoints ? { checkpoints: ruleState.checkpoints } : {}),
  };
}

/**
 * A trend judges a late sample where it falls in the series, not against the newest value, whatever it remembers:
 * the samples before it are replayed (from the memory the evaluator holds of the time before the series, then the
 * stored series) to give the trend its memory at that time: the previous sample, the platelet peak so far, the
 * window's values.
 * - For the record: the late sample is judged with that memory; when it meets the condition, the alarm is raised at
 *   its own time and ended at once by the next sample, as judgeLateReading does for a threshold; a latching rule's
 *   alarm (the platelet fall's HIT screen) stands instead, latched, until someone acknowledges it.
 * - As it stands: when the late sample changes what the current value is judged with (it is now its predecessor, a
 *   new peak, a value in its window), the trend takes the memory the series now gives and the current value is
 *   judged again, so that its alarm is raised, or ended, now.
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
  const end = ordered.findIndex((s) => s.seq === current.seq);
  const upToCurrent = end < 0 ? [...ordered, current] : ordered.slice(0, end + 1);
  const live = state.rules[rule.id];
  const seedBefore = ordered[0]?.observedAt ?? sample.observedAt;

  /** The rule's memory after the given samples, replayed in order; the judgements are not wanted, only the memory. */
  const replay = (samples: readonly TAlarmSample[]): TRuleState => {
    const ruleState = { ...emptyRuleState(), ...memoryOf(live) };
    if (ruleState.peak && ruleState.peak.observedAt >= seedBefore) delete ruleState.peak;
    if (ruleState.checkpoints) ruleState.checkpoints = ruleState.checkpoints.filter((c) => c.observedAt < seedBefore);
    let previous: TAlarmSample | undefined;
    for (const s of samples) {
      judgeReading({ rule, ruleState, code, sample: s, previous, latest: { ...state.latest, [code]: s }, episode });
      previous = s;
    }
    return ruleState;
  };
  const judge = (
    s: TAlarmSample,
    previous: TAlarmSample | undefined,
    target: TAlarmState,
    out: TAlarmTransition[],
  ): void => {
    const ruleState = (target.rules[rule.id] ??= emptyRuleState());
    const judgement = judgeReading({ rule, ruleState, code, sample: s, previous, latest: target.latest, episode });
    if (judgement)
      applyJudgement({ rule, rules, state: target, judgement, at: s.observedAt, seq: s.seq, transitions: out });
  };

  // The late sample judged for the record, with the memory of what came before it, unless the rule's alarm stands.
  const before = ordered.slice(0, at);
  const after = ordered[at + 1] ?? current;
  if (!live?.alarm) {
    const scratch: TAlarmState = {
      latest: { ...state.latest, [code]: sample },
      rules: { [rule.id]: replay(before) },
      evaluatedAt: null,
    };
    const raised: TAlarmTransition[] = [];
    judge(sample, before.at(-1), scratch, raised);
    const alarm = scratch.rules[rule.id]?.alarm;
    for (const t of raised.filter((r) => r.type === "raised")) {
      // The trend's own measure at the next sample (a rise, a fall in %, a mean per kg), in the unit it was raised in.
      const next = judgeReading({
        rule,
        ruleState: scratch.rules[rule.id] ?? emptyRuleState(),
        code,
        sample: after,
        previous: sample,
        latest: { ...state.latest, [code]: after },
        episode,
      });
      const ended = { type: "cleared" as const, value: next?.value ?? t.value, observedAt: after.observedAt };
      if (rule.latching && alarm) {
        state.rules[rule.id] = { ...(live ?? emptyRuleState()), alarm: { ...alarm, conditionActive: false } };
        transitions.push(t, { ...t, ...ended, clearedBySeq: after.seq, latched: true });
      } else {
        transitions.push(t, { ...t, ...ended, clearedBySeq: after.seq });
      }
    }
  }

  // The trend as it stands: judged again when the late sample changed what the current value is judged with.
  const priorWith = upToCurrent.slice(0, -1);
  const priorWithout = priorWith.filter((s) => s.seq !== sample.seq);
  const memoryWith = replay(priorWith);
  const changed =
    (PAIRWISE.has(rule.trend.measure) && priorWith.at(-1)?.seq === sample.seq) ||
    JSON.stringify(memoryOf(memoryWith)) !== JSON.stringify(memoryOf(replay(priorWithout)));
  if (!changed) return;
  const ruleState = (state.rules[rule.id] ??= emptyRuleState());
  delete ruleState.peak;
  delete ruleState.checkpoints;
  Object.assign(ruleState, memoryOf(memoryWith));
  judge(current, priorWith.at(-1), state, transitions);
}
