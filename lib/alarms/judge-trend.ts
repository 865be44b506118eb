import { getParameter, type TParameterCode } from "@/lib/catalogue";
import type { TAlarmContext, TAlarmState, TAlarmSample, TRuleState } from "./alarm-state";
import { grade, tidy, type TJudgement } from "./judgement";
import type { TTrendRule } from "./rule-schema";

const DAY_MS = 86_400_000;
/** A falling-within-a-window rule keeps about this many samples per window: enough to see a fall, small to store. */
const CHECKPOINTS_PER_WINDOW = 6;

export interface TJudgeTrendOptions {
  readonly rule: TTrendRule;
  /** Updated in place with what the trend must remember (peak, reference, checkpoints). */
  readonly ruleState: TRuleState;
  readonly code: TParameterCode;
  readonly sample: TAlarmSample;
  /** The parameter's reading before this one. */
  readonly previous: TAlarmSample | undefined;
  readonly latest: TAlarmState["latest"];
  readonly episode: TAlarmContext;
}

/** Judges a trend rule on one new reading. */
export function judgeTrend({
  rule,
  ruleState,
  code,
  sample,
  previous,
  latest,
  episode,
}: TJudgeTrendOptions): TJudgement | null {
  const trend = rule.trend;
  const unit = getParameter(rule.parameter).unit;
  switch (trend.measure) {
    case "riseBetweenSamples": {
      if (!previous) return null;
      return grade(tidy(sample.value - previous.value), "gte", trend.by, rule.hysteresis, unit);
    }

    case "fallFromPeak": {
      const heparinAt = episode.heparinStartedAt ?? episode.startedAt;
      // A count before heparin says nothing about heparin-induced thrombocytopenia.
      if (sample.observedAt < heparinAt) return null;
      const peak = ruleState.peak;
      if (!peak || sample.value > peak.value) ruleState.peak = sample;
      if (!peak || peak.value <= 0) return null;
      const fallPct = tidy(((peak.value - sample.value) / peak.value) * 100);
      const day = (sample.observedAt - heparinAt) / DAY_MS;
      const early = trend.early && day >= trend.early.fromDay && day <= trend.early.toDay ? trend.early.pct : null;
      return grade(fallPct, "gt", early === null ? trend.pct : Math.min(early, trend.pct), rule.hysteresis, "%");
    }

    case "fallAtSteadySetting": {
      const setting = latest[trend.setting];
      if (!setting) return null;
      const reference = ruleState.reference;
      if (!reference || Math.abs(setting.value - reference.setting) > trend.settingTolerance) {
        // A new speed is a new reference: the flow it gives is measured once it has settled.
        ruleState.reference = { setting: setting.value, since: sample.observedAt, value: null };
        return grade(0, "gte", trend.pct, rule.hysteresis, "%");
      }
      if (code !== rule.parameter) return null;
      if (reference.value === null) {
        if (sample.observedAt - reference.since < trend.settleMs) return null;
        reference.value = sample.value;
      }
      if (reference.value <= 0) return null;
      return grade(
        tidy(((reference.value - sample.value) / reference.value) * 100),
        "gte",
        trend.pct,
        rule.hysteresis,
        "%",
      );
    }

    case "riseAboveLevel": {
      if (!previous) return null;
      const level = grade(sample.value, "gt", trend.level, rule.hysteresis, unit);
      // Above the level but no longer rising: the rise has stopped, and the alarm with it.
      const met = level.met && sample.value > previous.value;
      return { ...level, met, clear: !met };
    }

    case "meanPerKgWithinWindow": {
      const t = sample.observedAt;
      const kept = [...(ruleState.checkpoints ?? []), { value: sample.value, observedAt: t }].filter(
        (c) => c.observedAt > t - trend.windowMs,
      );
      ruleState.checkpoints = kept;
      if (episode.weightKg === undefined) return null;
      const oldest = kept[0];
      const intervalMs = getParameter(rule.parameter).expectedIntervalSec * 1000;
      if (!oldest || oldest.observedAt > t - trend.windowMs + intervalMs) return null;
      const mean = kept.reduce((sum, c) => sum + c.value, 0) / kept.length;
      const perKgUnit = unit.endsWith("/h") ? `${unit.slice(0, -2)}/kg/h` : `${unit}/kg`;
      return grade(tidy(mean / episode.weightKg), "lt", trend.perKg, rule.hysteresis, perKgUnit);
    }

    case "fallWithinWindow": {
      const t = sample.observedAt;
      const kept = (ruleState.checkpoints ?? []).filter((c) => c.observedAt > t - trend.windowMs);
      const highest = Math.max(sample.value, ...kept.map((c) => c.value));
      const last = kept.at(-1);
      // Checkpoints stay a step apart; within a step the last one keeps the highest value, so a refill is not missed.
      if (last && t - last.observedAt < trend.windowMs / CHECKPOINTS_PER_WINDOW) {
        if (sample.value >= last.value) kept[kept.length - 1] = { value: sample.value, observedAt: t };
      } else {
        kept.push({ value: sample.value, observedAt: t });
      }
      ruleState.checkpoints = kept;
      return grade(tidy(highest - sample.value), "gte", trend.by, rule.hysteresis, unit);
    }
  }
}
