import type { TParameterCode } from "@/lib/catalogue";
import type { TAlarmContext, TAlarmState, TRuleState } from "./alarm-state";
import { grade, type TJudgement } from "./judgement";
import { deviceParameters, feedStaleLimitMs } from "./rule-inputs";
import type { TAlarmRule } from "./rule-schema";

export type TLastSeenAt = Partial<Record<TParameterCode, number>>;

export interface TJudgeTimerOptions {
  readonly rule: TAlarmRule;
  readonly ruleState: TRuleState;
  readonly latest: TAlarmState["latest"];
  readonly episode: TAlarmContext;
  readonly now: number;
  readonly lastSeenAt: TLastSeenAt;
}

/** Judges a rule against the clock; null for the kinds only a reading can judge, or nothing to time. */
export function judgeTimer({
  rule,
  ruleState,
  latest,
  episode,
  now,
  lastSeenAt,
}: TJudgeTimerOptions): TJudgement | null {
  const seenAt = (code: TParameterCode) => newest(latest[code]?.observedAt, lastSeenAt[code]);
  switch (rule.kind) {
    case "absence": {
      // Nothing measured yet counts from the episode start: a new patient is owed the same samples.
      const heparin = rule.whileHeparinRuns ? episode.heparin : undefined;
      // Heparin stopped: nothing is owed, and an open overdue alarm ends (met false, clear true).
      if (heparin && !heparin.running)
        return { ...grade(0, "gt", rule.maxAgeMs, 0, "ms"), since: heparin.since, seq: null };
      const since = newest(seenAt(rule.parameter) ?? episode.startedAt, heparin?.since) ?? episode.startedAt;
      const last = latest[rule.parameter]?.value;
      const shorter = rule.shorterWhenAtLeast;
      const limit = shorter && last !== undefined && last >= shorter.value ? shorter.maxAgeMs : rule.maxAgeMs;
      return { ...grade(now - since, "gt", limit, 0, "ms"), since, seq: null };
    }
    case "technical": {
      const technical = rule.technical;
      if (technical.condition === "stoppedLongerThan")
        return ruleState.stoppedSince == null ? null : judgeStopped(technical.limitMs, ruleState, now);
      const since =
        deviceParameters(episode.deviceType).reduce<number | undefined>(
          (acc, code) => newest(acc, seenAt(code)),
          undefined,
        ) ?? episode.startedAt;
      return {
        ...grade(now - since, "gt", feedStaleLimitMs(technical.staleFactor, episode.deviceType), 0, "ms"),
        since,
        seq: null,
      };
    }
    case "threshold":
    case "trend":
    case "derived":
      // Only readings confirm a value's condition: a silent feed is the staleness rule's to report, not a reason to
      // raise (or clear) an alarm on a value nobody has measured since.
      return null;
  }
}

/** How long the parameter has read its stopped value at `at`, against the limit. */
export function judgeStopped(limitMs: number, ruleState: TRuleState, at: number): TJudgement {
  const since = ruleState.stoppedSince ?? null;
  if (since === null) return grade(0, "gt", limitMs, 0, "ms");
  return { ...grade(at - since, "gt", limitMs, 0, "ms"), since, seq: ruleState.stoppedSeq ?? null };
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
