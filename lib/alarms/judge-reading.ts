import { defaultTarget, getParameter, type TParameterCode, type TSourceRef } from "@/lib/catalogue";
import type { TAlarmContext, TAlarmSample, TAlarmState, TRuleState } from "./alarm-state";
import { judgeDerived } from "./judge-derived";
import { judgeStopped } from "./judge-timer";
import { judgeTrend } from "./judge-trend";
import { grade, meets, type TJudgement } from "./judgement";
import { feedStaleLimitMs } from "./rule-inputs";
import type { TAbsenceRule, TAlarmRule, TComparison, TTechnicalRule, TThresholdRule } from "./rule-schema";

export interface TJudgeReadingOptions {
  readonly rule: TAlarmRule;
  /** Updated in place with what the rule must remember between readings. */
  readonly ruleState: TRuleState;
  readonly code: TParameterCode;
  readonly sample: TAlarmSample;
  readonly previous: TAlarmSample | undefined;
  /** The newest reading of every parameter, this one included. */
  readonly latest: TAlarmState["latest"];
  readonly episode: TAlarmContext;
}

/** Judges one rule on a new reading of one of its inputs; null when the reading lets it say nothing. */
export function judgeReading(options: TJudgeReadingOptions): TJudgement | null {
  const { rule } = options;
  switch (rule.kind) {
    case "threshold":
      return judgeThreshold(rule, options);
    case "trend":
      return judgeTrend({ ...options, rule });
    case "derived":
      return judgeDerived({ ...options, rule });
    case "absence":
      return judgeAbsenceOnReading(rule, options.sample);
    case "technical":
      return judgeTechnicalOnReading(rule, options);
  }
}

interface TBound {
  readonly comparison: TComparison;
  readonly limit: number;
}

function judgeThreshold(rule: TThresholdRule, { sample, episode, ruleState }: TJudgeReadingOptions): TJudgement | null {
  const unit = getParameter(rule.parameter).unit;
  let bounds: TBound[];
  let source: TSourceRef | undefined;
  if (rule.limit.comparison === "outsideTarget") {
    // A target is a support's (anti-Xa: ECMO 0.3–0.5, IABP 0.3–0.4): none while no support runs.
    const target = episode.deviceType === null ? undefined : defaultTarget(rule.parameter, episode.deviceType);
    if (!target) return null;
    bounds = [];
    if (target.low !== undefined) bounds.push({ comparison: target.lowExclusive ? "lte" : "lt", limit: target.low });
    if (target.high !== undefined) bounds.push({ comparison: target.highExclusive ? "gte" : "gt", limit: target.high });
    source = target.source;
  } else {
    bounds = [{ comparison: rule.limit.comparison, limit: rule.limit.value }];
  }
  const v = sample.value;
  const crossed = bounds.find((b) => meets(v, b.comparison, b.limit));
  // Out of a two-sided target, report the side crossed; back inside, the side the raised alarm was about.
  const reported = crossed ?? bounds.find((b) => b.comparison === ruleState.alarm?.comparison) ?? bounds[0];
  if (!reported) return null;
  const graded = grade(v, reported.comparison, reported.limit, rule.hysteresis, unit);
  const clear = bounds.every((b) => grade(v, b.comparison, b.limit, rule.hysteresis, unit).clear);
  return { ...graded, clear: !graded.met && clear, ...(source ? { source } : {}) };
}

/** A sample has come: whatever was overdue is not any more. */
function judgeAbsenceOnReading(rule: TAbsenceRule, sample: TAlarmSample): TJudgement {
  const limit =
    rule.shorterWhenAtLeast && sample.value >= rule.shorterWhenAtLeast.value
      ? rule.shorterWhenAtLeast.maxAgeMs
      : rule.maxAgeMs;
  return grade(0, "gt", limit, 0, "ms");
}

function judgeTechnicalOnReading(
  rule: TTechnicalRule,
  { ruleState, sample, episode }: TJudgeReadingOptions,
): TJudgement {
  const technical = rule.technical;
  switch (technical.condition) {
    case "feedStale":
      // Any device reading shows the feed alive; only the clock (evaluateTimers) can find it silent.
      return grade(0, "gt", feedStaleLimitMs(technical.staleFactor, episode.deviceType), 0, "ms");
    case "stoppedLongerThan": {
      if (sample.value === technical.stoppedValue) {
        ruleState.stoppedSince ??= sample.observedAt;
        ruleState.stoppedSeq ??= sample.seq;
      } else {
        ruleState.stoppedSince = null;
        ruleState.stoppedSeq = null;
      }
      return judgeStopped(technical.limitMs, ruleState, sample.observedAt);
    }
  }
}
