import {
  CLINICAL_LIMITS,
  getParameter,
  targetIn,
  targetStatus,
  type TDeviceType,
  type TParameterCode,
  type TTargetStatus,
} from "@/lib/catalogue";
import { judgedValue, type TComparator } from "@/lib/observations/lab-result";
import type { TTimedValue } from "@/lib/scores/types";

/** A lab sample of the shift: a censored one keeps its comparator, a correction says so (the sheet prints both). */
export interface TShiftLabSample extends TTimedValue {
  readonly comparator?: TComparator;
  readonly corrected?: boolean;
}

export interface TLabPoint {
  readonly value: number;
  readonly observedAt: number;
  readonly status: TTargetStatus;
  readonly comparator?: TComparator;
  readonly corrected?: boolean;
}

export interface TLabShiftSummary {
  readonly code: TParameterCode;
  /** The last value known when the shift began (it may be older than the shift), or null. */
  readonly start: TLabPoint | null;
  /** The last value known at the end of the period covered. */
  readonly end: TLabPoint | null;
  /** end − start, rounded to the parameter's decimals; null unless a new sample came during the shift after one before. */
  readonly delta: number | null;
  /** Samples taken during the shift. */
  readonly samplesInShift: number;
  /** When the next sample is due by the expected interval (docs/clinical-reference.md §2), from the last one. */
  readonly nextDueAt: number | null;
}

/**
 * How long after a sample the next one is due: the catalogue's interval, shorter for a lactate at or above the
 * raised level (docs/clinical-reference.md §2: every 2–4 h while ≥ 2 mmol/L, else 6–8 h; the later bounds, so that
 * "overdue" means overdue), as the overdue alarm rule judges it.
 */
export function labIntervalMs(code: TParameterCode, lastValue: number): number {
  const { lactateRaised, lactateRaisedInterval } = CLINICAL_LIMITS;
  if (code === "lactate" && lastValue >= lactateRaised.value) return lactateRaisedInterval.value;
  return getParameter(code).expectedIntervalSec * 1000;
}

/**
 * One lab over a shift [startsAt, coversUntil): samples in time order, all of the stay (earlier ones included).
 * A sample taken at the very start of the shift is the shift's, as the shift includes its start.
 */
export function summarizeLab({
  code,
  deviceType,
  samples,
  startsAt,
  coversUntil,
}: {
  code: TParameterCode;
  /** The support running, or null: then only a target every support shares applies. */
  deviceType: TDeviceType | null;
  samples: readonly TShiftLabSample[];
  startsAt: number;
  coversUntil: number;
}): TLabShiftSummary {
  const target = targetIn(code, deviceType);
  // A censored result is judged on the side its comparator says ("< 0.10" is below a 0.3 target).
  const point = (s: TShiftLabSample | undefined): TLabPoint | null =>
    s
      ? {
          value: s.v,
          observedAt: s.t,
          status: targetStatus(judgedValue(s.v, s.comparator), target),
          ...(s.comparator ? { comparator: s.comparator } : {}),
          ...(s.corrected ? { corrected: true } : {}),
        }
      : null;
  const before = samples.filter((s) => s.t < startsAt);
  const inShift = samples.filter((s) => s.t >= startsAt && s.t < coversUntil);
  const start = point(before.at(-1));
  const end = point(inShift.at(-1) ?? before.at(-1));
  const decimals = getParameter(code).decimals;
  const delta = start && end && inShift.length > 0 ? Number((end.value - start.value).toFixed(decimals)) : null;
  return {
    code,
    start,
    end,
    delta: delta === 0 ? 0 : delta, // never -0
    samplesInShift: inShift.length,
    nextDueAt: end ? end.observedAt + labIntervalMs(code, end.value) : null,
  };
}
