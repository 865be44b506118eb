import {
  CLINICAL_LIMITS,
  defaultTarget,
  getParameter,
  parametersFor,
  targetStatus,
  type TDeviceType,
  type TParameterCode,
  type TTargetRange,
  type TTargetStatus,
  unitText,
} from "@/lib/catalogue";
import { formatCensored, judgedValue } from "@/lib/observations/lab-result";
import type { TLocale } from "@/lib/i18n/locales";
import { describeAge, type TAge } from "./describe-age";
import type { TLatestValue, TStationBed } from "./snapshot";

const DAY_MS = 24 * 3600 * 1000;

export type TTrend = "up" | "down" | "steady";

export interface TTileValue {
  readonly code: TParameterCode;
  readonly label: string;
  /** The number as printed with the catalogue's decimals; null when the bed has no reading of it. */
  readonly text: string | null;
  /** Coded values whose words belong to the i18n catalogue rather than to a number. */
  readonly message: "pumpingOn" | "pumpingOff" | null;
  readonly unit: string;
  readonly status: TTargetStatus;
  /** Null when there is no earlier reading to compare with, or the value is a setting (ratio, pumping). */
  readonly trend: TTrend | null;
  readonly observedAt: number | null;
  /** Older than the catalogue's stale factor × its expected interval. */
  readonly stale: boolean;
}

export interface TLabTileValue extends TTileValue {
  readonly age: TAge | null;
  /** A result the laboratory corrected, or one it has not yet made final: said on the tile (issue 16). */
  readonly resultStatus: "corrected" | "preliminary" | null;
}

export type TTileCell =
  | { readonly kind: "value"; readonly value: TTileValue }
  /** Augmented diastole beside unassisted systole: augmentation should exceed systole (docs/clinical-reference.md §2). */
  | { readonly kind: "augmentation"; readonly aug: TTileValue; readonly sys: TTileValue };

export type TDeviceBadge =
  { readonly kind: "ecmo"; readonly day: number } | { readonly kind: "iabp"; readonly ratio: string | null };

export interface TDeviceFreshness {
  /** The newest device reading of the bed, epoch ms; null when none has arrived for this episode. */
  readonly newestAt: number | null;
  readonly stale: boolean;
}

export type TPreparedTile =
  | { readonly kind: "empty"; readonly bedId: string; readonly label: string }
  /**
   * A patient in the bed with no support running (admitted before cannulation, or after weaning), with the stay's
   * labs (a lactate before cannulation is charted and shown).
   */
  | {
      readonly kind: "admitted";
      readonly bedId: string;
      readonly label: string;
      readonly patient: { readonly initials: string; readonly ageYears: number; readonly sex: string };
      readonly labs: readonly TLabTileValue[];
    }
  | {
      readonly kind: "occupied";
      readonly bedId: string;
      readonly label: string;
      readonly patient: { readonly initials: string; readonly ageYears: number; readonly sex: string } | null;
      readonly deviceType: TDeviceType;
      readonly badges: readonly TDeviceBadge[];
      readonly cells: readonly TTileCell[];
      readonly labs: readonly TLabTileValue[];
      readonly device: TDeviceFreshness;
    };

export interface TPrepareTileOptions {
  readonly bed: TStationBed;
  readonly locale: TLocale;
  /** Server time, epoch ms: ages and staleness are judged on the server's clock, not the screen's. */
  readonly now: number;
}

type TCellSpec = TParameterCode | "augmentation";

/** What a tile shows for each support, in a fixed order so that the eye finds a value in the same place on every bed. */
const ECMO_CELLS: readonly TCellSpec[] = ["ecmo_flow", "ecmo_rpm", "ecmo_sweep", "ecmo_dp", "ecmo_pven"];
const IABP_CELLS: readonly TCellSpec[] = ["iabp_ratio", "iabp_pumping", "augmentation", "iabp_baedp", "helium_level"];
const COMMON_CELLS: readonly TCellSpec[] = ["map", "hr", "nirs_left", "nirs_right"];
const CELLS: Readonly<Record<TDeviceType, readonly TCellSpec[]>> = {
  VA_ECMO: [...ECMO_CELLS, ...COMMON_CELLS],
  IABP: [...IABP_CELLS, ...COMMON_CELLS],
  VA_ECMO_IABP: [...ECMO_CELLS, ...IABP_CELLS, ...COMMON_CELLS],
};
export const TILE_LABS: readonly TParameterCode[] = ["lactate", "anti_xa", "platelets", "hemoglobin"];

export function prepareTile({ bed, locale, now }: TPrepareTileOptions): TPreparedTile {
  if (!bed.patient) return { kind: "empty", bedId: bed.bedId, label: bed.label };
  if (!bed.episode)
    return {
      kind: "admitted",
      bedId: bed.bedId,
      label: bed.label,
      patient: bed.patient,
      labs: prepareLabs(bed, (code) => prepareValue(code, bed.latest[code], null, locale, now), now),
    };
  const { deviceType } = bed.episode;
  const value = (code: TParameterCode) => prepareValue(code, bed.latest[code], deviceType, locale, now);

  const cells = CELLS[deviceType].map((spec): TTileCell => {
    if (spec !== "augmentation") return { kind: "value", value: value(spec) };
    const aug = value("iabp_aug");
    const sys = value("iabp_sys");
    const augValue = bed.latest.iabp_aug?.value;
    const sysValue = bed.latest.iabp_sys?.value;
    // The catalogue has no fixed range for augmentation: its target is "above the unassisted systole".
    const status: TTargetStatus =
      augValue === undefined || sysValue === undefined ? "none" : augValue > sysValue ? "in" : "low";
    return { kind: "augmentation", aug: { ...aug, status }, sys };
  });

  const labs = prepareLabs(bed, value, now);

  return {
    kind: "occupied",
    bedId: bed.bedId,
    label: bed.label,
    patient: bed.patient,
    deviceType,
    badges: prepareBadges(deviceType, bed, now),
    cells,
    labs,
    device: prepareFreshness(bed, deviceType, now),
  };
}

function prepareLabs(bed: TStationBed, value: (code: TParameterCode) => TTileValue, now: number): TLabTileValue[] {
  return TILE_LABS.map((code): TLabTileValue => {
    const prepared = value(code);
    const status = bed.latest[code]?.status;
    return {
      ...prepared,
      age: prepared.observedAt === null ? null : describeAge(now - prepared.observedAt),
      resultStatus: status === "corrected" || status === "preliminary" ? status : null,
    };
  });
}

/**
 * The target of a value with no support running: the one every support shares (the lactate's), else none, since
 * a target written for one support would be a guess for a patient on none.
 */
function targetWithoutSupport(code: TParameterCode): TTargetRange | undefined {
  const targets = Object.values(getParameter(code).targets);
  const first = targets[0];
  return first && targets.every((t) => t === first) ? first : undefined;
}

/** `deviceType` null: no support running (the target every support shares, if any). */
function prepareValue(
  code: TParameterCode,
  latest: TLatestValue | undefined,
  deviceType: TDeviceType | null,
  locale: TLocale,
  now: number,
): TTileValue {
  const parameter = getParameter(code);
  const label = parameter.short[locale];
  // "RPM rpm" says the unit twice: the short label already names it.
  const shown = unitText(parameter, locale);
  const unit = shown.toLowerCase() === label.toLowerCase() ? "" : shown;
  const base = { code, label, unit };
  if (!latest)
    return { ...base, text: null, message: null, status: "none", trend: null, observedAt: null, stale: false };
  const isSetting = parameter.allowedValues !== undefined;
  return {
    ...base,
    text:
      code === "iabp_pumping"
        ? null
        : code === "iabp_ratio"
          ? formatRatio(latest.value)
          : // A censored laboratory value as the laboratory wrote it: "< 0.10".
            formatCensored(latest.comparator, formatNumber(latest.value, parameter.decimals, locale)),
    message: code === "iabp_pumping" ? (latest.value >= 1 ? "pumpingOn" : "pumpingOff") : null,
    // "< 0.10" is below a 0.3 target, "> 0.7" above a 0.7 one: judged on the side the comparator says.
    status: targetStatus(
      judgedValue(latest.value, latest.comparator),
      deviceType ? defaultTarget(code, deviceType) : targetWithoutSupport(code),
    ),
    trend: isSetting || !latest.reference ? null : trendOf(latest.value, latest.reference.value, parameter.decimals),
    observedAt: latest.observedAt,
    stale: now - latest.observedAt > CLINICAL_LIMITS.staleFactor.value * parameter.expectedIntervalSec * 1000,
  };
}

/** A change counts when it is at least one displayed digit and at least 5 % of the earlier value. */
export function trendOf(value: number, reference: number, decimals: number): TTrend {
  const delta = value - reference;
  const threshold = Math.max(10 ** -decimals, 0.05 * Math.abs(reference));
  // Rounding in the subtraction (3.3 − 3.2 = 0.0999…) must not hide a change of exactly one displayed digit.
  if (Math.abs(delta) + 1e-9 < threshold) return "steady";
  return delta > 0 ? "up" : "down";
}

/** The assist ratio is stored as N of 1:N. */
function formatRatio(value: number): string {
  return `1:${Math.round(value)}`;
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number, locale: TLocale): string {
  const key = `${locale}|${decimals}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    NUMBER_FORMATS.set(key, format);
  }
  return format.format(value);
}

function prepareBadges(deviceType: TDeviceType, bed: TStationBed, now: number): TDeviceBadge[] {
  const badges: TDeviceBadge[] = [];
  if (deviceType === "VA_ECMO" || deviceType === "VA_ECMO_IABP") {
    // Day 1 is the first 24 h after the episode began, counted in elapsed time so that it does not jump at midnight.
    const startedAt = bed.episode?.startedAt ?? now;
    badges.push({ kind: "ecmo", day: Math.max(1, Math.floor((now - startedAt) / DAY_MS) + 1) });
  }
  if (deviceType === "IABP" || deviceType === "VA_ECMO_IABP") {
    const ratio = bed.latest.iabp_ratio;
    badges.push({ kind: "iabp", ratio: ratio ? formatRatio(ratio.value) : null });
  }
  return badges;
}

/**
 * The bed is stale when its newest device reading is older than the stale factor × the shortest expected interval of
 * its device parameters: one silent console among several still reads as a stale value, not a stale bed.
 */
function prepareFreshness(bed: TStationBed, deviceType: TDeviceType, now: number): TDeviceFreshness {
  const deviceParameters = parametersFor(deviceType).filter((p) => p.sourceKind === "device");
  let newestAt: number | null = null;
  for (const parameter of deviceParameters) {
    const latest = bed.latest[parameter.code];
    if (latest && (newestAt === null || latest.observedAt > newestAt)) newestAt = latest.observedAt;
  }
  const shortestSec = Math.min(...deviceParameters.map((p) => p.expectedIntervalSec));
  const stale = newestAt === null || now - newestAt > CLINICAL_LIMITS.staleFactor.value * shortestSec * 1000;
  return { newestAt, stale };
}
