import {
  CLINICAL_LIMITS,
  getParameter,
  parametersFor,
  targetStatus,
  type TDeviceType,
  type TParameterCode,
  type TTargetStatus,
  unitText,
} from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { compareDpPerFlow, type TDpFlowComparison } from "@/lib/scores/dp-per-flow";
import { formatNumber } from "@/lib/station/prepare-tile";
import type { TBedDetail, TValueRun } from "./bed-detail";
import { targetIn } from "./bed-scope";
import { describeReadingAge, type TReadingAge } from "./describe-reading-age";

/**
 * The protocol's numbers the panel flags against (docs/clinical-reference.md §3, §6): a stale value, the legs' NIRS
 * difference, a balloon stopped too long, the window of a weaning step. The alarm rules read the same ones.
 */
const { staleFactor, nirsDifference, pumpStopped, weaningStepMin, weaningStepMax } = CLINICAL_LIMITS;

/** One device value with everything said about it: number, unit, target status, measurement time and age. */
export interface TPanelValue {
  readonly code: TParameterCode;
  readonly label: string;
  readonly unit: string;
  readonly text: string | null;
  readonly status: TTargetStatus;
  readonly observedAt: number | null;
  readonly age: TReadingAge | null;
  readonly stale: boolean;
}

export interface TEcmoPanel {
  readonly values: readonly TPanelValue[];
  readonly dpFlow: {
    readonly comparison: TDpFlowComparison | null;
    readonly baselineComplete: boolean;
    readonly baselineFrom: number;
  } | null;
  /** `flagged` from a difference of `flagFrom` points between the legs. */
  readonly nirs: {
    readonly left: TPanelValue;
    readonly right: TPanelValue;
    readonly difference: number | null;
    readonly flagged: boolean;
    readonly flagFrom: number;
  };
  readonly dpc: TPanelValue;
}

export interface TIabpPanel {
  readonly ratio: TPanelValue;
  readonly ratioText: string | null;
  readonly trigger: string | null;
  /** `overLimit` once stopped for longer than `limitMs`. */
  readonly pumping: TPanelValue & {
    readonly on: boolean | null;
    readonly stoppedSince: number | null;
    readonly stoppedForMs: number | null;
    readonly overLimit: boolean;
    readonly limitMs: number;
  };
  readonly aug: TPanelValue;
  readonly sys: TPanelValue;
  /** Augmentation should exceed the unassisted systole; null until both are known. */
  readonly augmentationOk: boolean | null;
  readonly baedp: TPanelValue;
  readonly helium: TPanelValue;
  /** Weaning below 1:1: the current step, since when, and the window of its review. */
  readonly weaning: {
    readonly ratio: number;
    readonly since: number;
    readonly reviewFrom: number;
    readonly reviewBy: number;
  } | null;
}

export interface TDevicePanel {
  readonly ecmo: TEcmoPanel | null;
  readonly iabp: TIabpPanel | null;
  readonly common: readonly TPanelValue[];
}

export function preparePanelValue(
  detail: TBedDetail,
  code: TParameterCode,
  /** Null with no support running: only the targets every support shares (bed-scope.ts). */
  deviceType: TDeviceType | null,
  locale: TLocale,
  now: number,
): TPanelValue {
  const parameter = getParameter(code);
  const latest = detail.latest[code];
  const label = parameter.short[locale];
  const shown = unitText(parameter, locale);
  const unit = shown.toLowerCase() === label.toLowerCase() ? "" : shown;
  if (!latest) return { code, label, unit, text: null, status: "none", observedAt: null, age: null, stale: false };
  return {
    code,
    label,
    unit,
    text:
      code === "iabp_ratio" ? `1:${Math.round(latest.value)}` : formatNumber(latest.value, parameter.decimals, locale),
    status: targetStatus(latest.value, targetIn(code, deviceType)),
    observedAt: latest.observedAt,
    age: describeReadingAge(now - latest.observedAt),
    stale: now - latest.observedAt > staleFactor.value * parameter.expectedIntervalSec * 1000,
  };
}

const ECMO_VALUES: readonly TParameterCode[] = [
  "ecmo_flow",
  "ecmo_rpm",
  "ecmo_sweep",
  "ecmo_fdo2",
  "ecmo_p1",
  "ecmo_p2",
  "ecmo_dp",
  "ecmo_pven",
];
const COMMON_VALUES: readonly TParameterCode[] = ["map", "hr", "spo2_right", "urine_output"];

/** The device panel of a bed, from its detail and the server time `now`. Pure: the component only draws it. */
export function prepareDevicePanel(detail: TBedDetail, locale: TLocale, now: number): TDevicePanel | null {
  const episode = detail.episode;
  if (!episode) return null;
  const { deviceType } = episode;
  const value = (code: TParameterCode) => preparePanelValue(detail, code, deviceType, locale, now);
  const measured = new Set<string>(parametersFor(deviceType).map((p) => p.code));

  let ecmo: TEcmoPanel | null = null;
  if (deviceType !== "IABP") {
    const dp = detail.latest.ecmo_dp;
    const flow = detail.latest.ecmo_flow;
    const base = detail.dpFlowBaseline;
    const left = value("nirs_left");
    const right = value("nirs_right");
    const l = detail.latest.nirs_left?.value;
    const r = detail.latest.nirs_right?.value;
    const difference = l === undefined || r === undefined ? null : Math.abs(l - r);
    ecmo = {
      values: ECMO_VALUES.map(value),
      dpFlow: base
        ? {
            comparison: dp && flow ? compareDpPerFlow(base, { dp: dp.value, flow: flow.value }) : null,
            baselineComplete: base.complete,
            baselineFrom: base.from,
          }
        : null,
      nirs: {
        left,
        right,
        difference,
        flagged: difference !== null && difference >= nirsDifference.value,
        flagFrom: nirsDifference.value,
      },
      dpc: value("dpc_flow"),
    };
  }

  let iabp: TIabpPanel | null = null;
  if (deviceType !== "VA_ECMO") {
    const pumpingValue = value("iabp_pumping");
    const run: TValueRun | null = detail.runs.pumping;
    const latestPumping = detail.latest.iabp_pumping;
    const on = latestPumping ? latestPumping.value >= 1 : null;
    const stoppedSince = on === false ? (run && run.value < 1 ? run.since : (latestPumping?.observedAt ?? null)) : null;
    const stoppedForMs = stoppedSince === null ? null : Math.max(0, now - stoppedSince);
    const aug = detail.latest.iabp_aug?.value;
    const sys = detail.latest.iabp_sys?.value;
    const ratioRun = detail.runs.ratio;
    const ratio = value("iabp_ratio");
    iabp = {
      ratio,
      ratioText: ratio.text,
      trigger: episode.settings.trigger ?? null,
      pumping: {
        ...pumpingValue,
        on,
        stoppedSince,
        stoppedForMs,
        overLimit: stoppedForMs !== null && stoppedForMs > pumpStopped.value,
        limitMs: pumpStopped.value,
      },
      aug: value("iabp_aug"),
      sys: value("iabp_sys"),
      augmentationOk: aug === undefined || sys === undefined ? null : aug > sys,
      baedp: value("iabp_baedp"),
      helium: value("helium_level"),
      weaning:
        ratioRun && ratioRun.value > 1
          ? {
              ratio: ratioRun.value,
              since: ratioRun.since,
              reviewFrom: ratioRun.since + weaningStepMin.value,
              reviewBy: ratioRun.since + weaningStepMax.value,
            }
          : null,
    };
  }

  return { ecmo, iabp, common: COMMON_VALUES.filter((code) => measured.has(code)).map(value) };
}

/**
 * What a stay with no support running charts (issue 15): monitoring, urine output and the legs' NIRS (the limb checks
 * after a balloon's removal). No device section: a circuit or a balloon that is not there has no value to show.
 */
const STAY_VALUES: readonly TParameterCode[] = ["map", "hr", "spo2_right", "urine_output", "nirs_left", "nirs_right"];

/** The values panel of a stay with no support running, from its detail and the server time `now`; null otherwise. */
export function prepareStayPanel(detail: TBedDetail, locale: TLocale, now: number): TDevicePanel | null {
  if (detail.episode || !detail.stay) return null;
  return {
    ecmo: null,
    iabp: null,
    common: STAY_VALUES.map((code) => preparePanelValue(detail, code, null, locale, now)),
  };
}
