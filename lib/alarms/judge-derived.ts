import { CLINICAL_LIMITS, getParameter, type TParameterCode } from "@/lib/catalogue";
import { compareDpPerFlow } from "@/lib/scores/dp-per-flow";
import type { TAlarmSample, TAlarmState, TRuleState } from "./alarm-state";
import { grade, tidy, type TJudgement } from "./judgement";
import type { TDerivedRule } from "./rule-schema";

export interface TJudgeDerivedOptions {
  readonly rule: TDerivedRule;
  /** Updated in place with the baseline sums. */
  readonly ruleState: TRuleState;
  readonly code: TParameterCode;
  readonly sample: TAlarmSample;
  readonly latest: TAlarmState["latest"];
}

/**
 * The latest samples of two parameters, when they are recent enough to belong together: no older apart than the
 * station calls a value stale, so that a silent probe is never compared with a live one.
 */
function pair(
  latest: TAlarmState["latest"],
  [a, b]: readonly [TParameterCode, TParameterCode],
): [TAlarmSample, TAlarmSample] | null {
  const first = latest[a];
  const second = latest[b];
  if (!first || !second) return null;
  const intervalSec = Math.max(getParameter(a).expectedIntervalSec, getParameter(b).expectedIntervalSec);
  return Math.abs(first.observedAt - second.observedAt) > CLINICAL_LIMITS.staleFactor.value * intervalSec * 1000
    ? null
    : [first, second];
}

/** Judges a rule on a value derived from two parameters, on a new reading of either. */
export function judgeDerived({ rule, ruleState, code, sample, latest }: TJudgeDerivedOptions): TJudgement | null {
  const derived = rule.derived;
  switch (derived.derive) {
    case "difference": {
      const both = pair(latest, derived.parameters);
      if (!both) return null;
      const unit = getParameter(derived.parameters[0]).unit;
      return grade(tidy(Math.abs(both[0].value - both[1].value)), "gte", derived.limit, rule.hysteresis, unit);
    }

    case "ratioRiseFromBaseline": {
      // The definition of lib/scores/dp-per-flow.ts: the ratio of the means over the first window of readings.
      const t = sample.observedAt;
      const baseline = (ruleState.baseline ??= { from: t, firstSum: 0, firstCount: 0, secondSum: 0, secondCount: 0 });
      if (t < baseline.from + derived.baselineWindowMs) {
        if (code === derived.parameters[0]) {
          baseline.firstSum += sample.value;
          baseline.firstCount += 1;
        } else {
          baseline.secondSum += sample.value;
          baseline.secondCount += 1;
        }
      }
      if (t - baseline.from < derived.minBaselineMs || baseline.firstCount === 0 || baseline.secondCount === 0)
        return null;
      const both = pair(latest, derived.parameters);
      if (!both) return null;
      const comparison = compareDpPerFlow(
        { dp: baseline.firstSum / baseline.firstCount, flow: baseline.secondSum / baseline.secondCount },
        { dp: both[0].value, flow: both[1].value },
      );
      if (!comparison) return null;
      return grade(tidy(comparison.changePct), "gte", derived.pct, rule.hysteresis, "%");
    }
  }
}
