import {
  CLINICAL_LIMITS,
  getParameter,
  targetStatus,
  type TParameterCode,
  type TSourceRef,
  type TTargetStatus,
  unitText,
} from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { formatCensored, judgedValue, type TComparator } from "@/lib/observations/lab-result";
import { prefillFourTs, type TFourTsPrefill } from "@/lib/scores/four-ts";
import {
  cannulationLactateClearance,
  recentLactateClearance,
  type TLactateClearance,
} from "@/lib/scores/lactate-clearance";
import { plateletFall, type TPlateletFall } from "@/lib/scores/platelet-fall";
import { suggestScaiStage, type TScaiSuggestion } from "@/lib/scores/scai-stage";
import { timeInRange, type TTimeInRange } from "@/lib/scores/time-in-range";
import type { TTimedValue } from "@/lib/scores/types";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TBedDetail } from "./bed-detail";
import { bedScopeOf, measuredIn, targetIn } from "./bed-scope";
import { describeReadingAge, type TReadingAge } from "./describe-reading-age";
import { formatTarget } from "./format-target";

/** The labs of the panel, in the order of docs/clinical-reference.md §2; each shown when the device type measures it. */
export const PANEL_LABS: readonly TParameterCode[] = [
  "lactate",
  "anti_xa",
  "platelets",
  "hemoglobin",
  "fibrinogen",
  "ldh",
];

export interface TLabRow {
  readonly code: TParameterCode;
  readonly label: string;
  readonly unit: string;
  readonly text: string | null;
  readonly observedAt: number | null;
  readonly age: TReadingAge | null;
  /** Change from the previous sample, signed and printed ("+0.4"), with that sample's time. */
  readonly delta: {
    readonly text: string;
    readonly direction: "up" | "down" | "same";
    readonly previousAt: number;
  } | null;
  readonly targetText: string | null;
  readonly targetSource: TSourceRef | null;
  readonly targetNote: string | null;
  readonly status: TTargetStatus;
  /** No sample for longer than three expected intervals. */
  readonly stale: boolean;
  /** The current result is a correction, or preliminary: said beside the value. */
  readonly resultStatus: "corrected" | "preliminary" | null;
  /** Results a later message replaced, newest first: the value's history (issue 16). */
  readonly replaced: readonly TReplacedLabRow[];
}

export interface TReplacedLabRow {
  readonly seq: number;
  /** corrected: a correction replaced it; cancelled: withdrawn; preliminary: the final result replaced it. */
  readonly how: "corrected" | "cancelled" | "preliminary" | "final";
  readonly text: string;
  readonly observedAt: number;
  /** What replaced it, printed; null for a cancellation. */
  readonly next: string | null;
}

/** How many replaced results a row lists; the trend keeps them all. */
const REPLACED_SHOWN = 3;

export interface TLabsPanel {
  readonly rows: readonly TLabRow[];
  readonly clearance6h: TLactateClearance | null;
  readonly clearance24h: TLactateClearance | null;
  readonly clearanceFromCannulation: (TLactateClearance & { readonly poorPrognosis: boolean }) | null;
  readonly antiXa: { readonly ttr: TTimeInRange | null; readonly targetText: string | null } | null;
  readonly plateletFall: TPlateletFall | null;
  readonly fourTs: TFourTsPrefill;
  readonly scai: TScaiSuggestion;
}

const HOUR = 3_600_000;

export function samplesOf(detail: TBedDetail, code: TParameterCode): TTimedValue[] {
  return (detail.labs[code] ?? []).map((s) => ({ t: s.observedAt, v: s.value }));
}

/**
 * The labs panel: each lab with its age, delta and target in force, and what the lab history computes. With no
 * support running (issue 15) the stay's labs, with the targets every support shares and no score of a support
 * (clearance since cannulation, anti-Xa time in range, the platelet fall since heparin started).
 */
export function prepareLabsPanel(detail: TBedDetail, locale: TLocale, now: number): TLabsPanel | null {
  const scope = bedScopeOf(detail);
  if (!scope) return null;
  const { deviceType } = scope;
  const episode = detail.episode;
  const measured = measuredIn(deviceType);
  const rows = PANEL_LABS.filter((code) => measured.has(code)).map((code): TLabRow => {
    const parameter = getParameter(code);
    const samples = detail.labs[code] ?? [];
    const last = samples.at(-1);
    const previous = samples.at(-2);
    const target = targetIn(code, deviceType);
    const base = {
      code,
      label: parameter.short[locale],
      unit: unitText(parameter, locale),
      targetText: formatTarget(target, parameter.decimals, locale),
      targetSource: target?.source ?? null,
      targetNote: target?.note ?? null,
    };
    const print = (s: { value: number; comparator?: TComparator }) =>
      formatCensored(s.comparator, formatNumber(s.value, parameter.decimals, locale));
    const replaced = (detail.replacedLabs?.[code] ?? []).slice(0, REPLACED_SHOWN).map((r): TReplacedLabRow => ({
      seq: r.seq,
      how:
        r.replacedBy.status === "cancelled" || r.replacedBy.status === "corrected"
          ? r.replacedBy.status
          : r.status === "preliminary"
            ? "preliminary"
            : "final",
      text: print(r),
      observedAt: r.observedAt,
      next: r.replacedBy.status === "cancelled" ? null : formatNumber(r.replacedBy.value, parameter.decimals, locale),
    }));
    if (!last)
      return {
        ...base,
        text: null,
        observedAt: null,
        age: null,
        delta: null,
        status: "none",
        stale: false,
        resultStatus: null,
        replaced,
      };
    const change = previous ? last.value - previous.value : null;
    const rounded = change === null ? null : Number(change.toFixed(parameter.decimals));
    return {
      ...base,
      text: print(last),
      observedAt: last.observedAt,
      age: describeReadingAge(now - last.observedAt),
      delta:
        rounded === null || !previous
          ? null
          : {
              text: `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${formatNumber(Math.abs(rounded), parameter.decimals, locale)}`,
              direction: rounded > 0 ? "up" : rounded < 0 ? "down" : "same",
              previousAt: previous.observedAt,
            },
      status: targetStatus(judgedValue(last.value, last.comparator), target),
      stale: now - last.observedAt > CLINICAL_LIMITS.staleFactor.value * parameter.expectedIntervalSec * 1000,
      resultStatus: last.status === "corrected" || last.status === "preliminary" ? last.status : null,
      replaced,
    };
  });

  const lactate = samplesOf(detail, "lactate");
  const antiXaTarget = targetIn("anti_xa", deviceType);
  const fall = episode ? plateletFall(samplesOf(detail, "platelets"), episode.startedAt) : null;
  const latestLactate = lactate.at(-1) ?? null;
  return {
    rows,
    clearance6h: recentLactateClearance(lactate, 6 * HOUR),
    clearance24h: recentLactateClearance(lactate, 24 * HOUR),
    clearanceFromCannulation: episode ? cannulationLactateClearance(lactate, episode.startedAt) : null,
    antiXa:
      antiXaTarget?.low !== undefined && antiXaTarget.high !== undefined
        ? {
            ttr: timeInRange(samplesOf(detail, "anti_xa"), { low: antiXaTarget.low, high: antiXaTarget.high }),
            targetText: formatTarget(antiXaTarget, 2, locale),
          }
        : null,
    plateletFall: fall,
    fourTs: prefillFourTs(fall),
    scai: suggestScaiStage({ deviceType, latestLactate, previousLactate: lactate.at(-2) ?? null }),
  };
}
