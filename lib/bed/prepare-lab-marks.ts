import type { TLocale } from "@/lib/i18n/locales";
import { formatCensored } from "@/lib/observations/lab-result";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TLabSample, TReplacedLabSample } from "./bed-detail";

/** How a laboratory result is marked on its trend. */
export interface TLabMark {
  readonly t: number;
  /** Where it is drawn: a censored result at its limit ("< 0.10" at 0.10). */
  readonly v: number;
  /** A plain result is a dot; a censored one an open triangle pointing where the true value lies. */
  readonly shape: "dot" | "below" | "above";
  /** The value as the laboratory wrote it: "< 0.10". */
  readonly text: string;
  /**
   * current: the result that stands; corrected / preliminary: one that stands and is shown as such; superseded: a
   * result a later message replaced, drawn only on request, `how` saying by what.
   */
  readonly state: "current" | "corrected" | "preliminary" | "superseded";
  readonly how?: "corrected" | "cancelled" | "replaced";
}

export interface TLabMarks {
  readonly current: readonly TLabMark[];
  /** Empty unless asked for: the results the current ones replaced, inside the window. */
  readonly superseded: readonly TLabMark[];
  /** Replaced results exist in the window: the chart offers to show them. */
  readonly hasSuperseded: boolean;
}

/**
 * The marks of a laboratory trend (docs/labs: censored and corrected results on trends). The line joins the current
 * results only; a censored one sits at its limit with a triangle, never as a plain point (the true value lies beyond
 * it); a result that a correction, a cancellation or the final result replaced is hidden unless `showSuperseded`,
 * and then drawn apart (state superseded), beside the correction. Pure.
 */
export function prepareLabMarks({
  samples,
  replaced,
  showSuperseded,
  decimals,
  locale,
  from,
  to,
}: {
  samples: readonly TLabSample[];
  replaced: readonly TReplacedLabSample[];
  showSuperseded: boolean;
  decimals: number;
  locale: TLocale;
  from: number;
  to: number;
}): TLabMarks {
  const inWindow = (s: { observedAt: number }) => s.observedAt >= from && s.observedAt <= to;
  const mark = (s: TLabSample): Omit<TLabMark, "state"> => ({
    t: s.observedAt,
    v: s.value,
    shape: s.comparator === "<" || s.comparator === "<=" ? "below" : s.comparator ? "above" : "dot",
    text: formatCensored(s.comparator, formatNumber(s.value, decimals, locale)),
  });
  const current = samples.filter(inWindow).map((s): TLabMark => ({
    ...mark(s),
    state: s.status === "corrected" || s.status === "preliminary" ? s.status : "current",
  }));
  const old = replaced.filter(inWindow);
  const superseded = showSuperseded
    ? old
        .map((r): TLabMark => ({
          ...mark(r),
          state: "superseded",
          how:
            r.replacedBy.status === "corrected" || r.replacedBy.status === "cancelled"
              ? r.replacedBy.status
              : "replaced",
        }))
        .sort((a, b) => a.t - b.t)
    : [];
  return { current, superseded, hasSuperseded: old.length > 0 };
}
