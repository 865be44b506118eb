import type { TSourceRef } from "@/lib/catalogue";
import type { TComparison } from "./rule-schema";

/** What one rule makes of the data at one moment; null from a judge means it cannot say (a partner value missing). */
export interface TJudgement {
  /** The alarm condition holds. */
  readonly met: boolean;
  /** Back past the limit by the hysteresis: a raised alarm may clear. Never true while `met`. */
  readonly clear: boolean;
  readonly value: number;
  readonly limit: number;
  readonly comparison: TComparison;
  /** UCUM unit of value and limit. */
  readonly unit: string;
  /** The limit's source when it is not the rule's (a catalogue target). */
  readonly source?: TSourceRef;
  /** When the condition began, when that is earlier than the moment judged (a pump stop, the last sample). */
  readonly since?: number;
  /** The reading at the root of the condition, when it is not the one judged; null for none. */
  readonly seq?: number | null;
}

export function meets(value: number, comparison: TComparison, limit: number): boolean {
  switch (comparison) {
    case "gte":
      return value >= limit;
    case "gt":
      return value > limit;
    case "lte":
      return value <= limit;
    case "lt":
      return value < limit;
  }
}

/** Judges a value against its limit; to clear, it must also be back past the limit moved by the hysteresis. */
export function grade(
  value: number,
  comparison: TComparison,
  limit: number,
  hysteresis: number,
  unit: string,
): TJudgement {
  const met = meets(value, comparison, limit);
  const clearLimit = comparison === "gte" || comparison === "gt" ? limit - hysteresis : limit + hysteresis;
  return { met, clear: !met && !meets(value, comparison, clearLimit), value, limit, comparison, unit };
}

/**
 * Rounds away binary noise from a computed change, so that lactate 1.8 → 2.3 is a rise of 0.5 (not
 * 0.4999999999999998) and meets a "≥ 0.5" rule the way a clinician reads it.
 */
export function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
