import { getParameter, isParameterCode } from "@/lib/catalogue";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import { describeAlarm, type TAlarmTextInput } from "@/lib/alarms/prepare-alarms";
import type { TLocale } from "@/lib/i18n/locales";

/**
 * The short forms a tile prints, under `alarms.tile.short` of the message catalogue. A tile is read from 3 m at a
 * size that leaves about fifteen characters a line on a 32-bed wall (docs/station-legibility.md): the reason in
 * full ("Arterial lactate 4.6 ≥ 4 mmol/L") is on the alarm list beside the grid, the tile says which value and how
 * far ("Lactate 4.6 ≥ 4").
 */
export const TILE_ALARM_FORMS = [
  "reading",
  "rising",
  "falling",
  "fallFromPeak",
  "difference",
  "overdue",
  "noReading",
  "noDeviceData",
  "pumpStopped",
  "roundFinding",
  "protocolOverdue",
  "limbFinding",
  "labUnreadable",
  "unknown",
] as const;
export type TTileAlarmForm = (typeof TILE_ALARM_FORMS)[number];

/** Each full message (alarms.message) by the short form that says it on a tile. */
const FORM_OF: Readonly<Record<string, TTileAlarmForm>> = {
  lactateRising: "rising",
  ecmoDpFlowRise: "rising",
  ecmoFlowFalling: "falling",
  heliumFalling: "falling",
  plateletsFallFromPeak: "fallFromPeak",
  nirsDifference: "difference",
  lactateOverdue: "overdue",
  plateletsOverdue: "overdue",
  hemoglobinOverdue: "overdue",
  fibrinogenOverdue: "overdue",
  ldhOverdue: "overdue",
  antiXaOverdue: "noReading",
  deviceFeedStale: "noDeviceData",
  iabpPumpStopped: "pumpStopped",
  roundAbnormalFinding: "roundFinding",
  protocolStepOverdue: "protocolOverdue",
  limbCheckAbnormal: "limbFinding",
  labResultUnreadable: "labUnreadable",
  unknown: "unknown",
};

export interface TTileAlarmText {
  readonly form: TTileAlarmForm;
  /** next-intl arguments: the parameter's short label, the value, the comparison and the limit, for the locale. */
  readonly values: Readonly<Record<string, string>>;
}

export interface TDescribeTileAlarmOptions {
  readonly alarm: TAlarmTextInput & Partial<TAlarmDto>;
  readonly locale: TLocale;
  /** The message keys the catalogue has (alarms.message): an alarm from a newer version reads "unknown". */
  readonly knownKeys: ReadonlySet<string>;
  /** Server time: an elapsed-time alarm is worded as of it; without it, as stored. */
  readonly now?: number;
}

/** An alarm's reason in a tile's short form: which value, its reading and the limit crossed, no sentence around. */
export function describeTileAlarm({ alarm, locale, knownKeys, now }: TDescribeTileAlarmOptions): TTileAlarmText {
  const { key, values } = describeAlarm(alarm, locale, knownKeys, now);
  const parameter =
    alarm.parameter !== null && isParameterCode(alarm.parameter)
      ? getParameter(alarm.parameter).short[locale]
      : (values.parameter ?? "");
  const form = FORM_OF[key] ?? (values.value === "" ? "unknown" : "reading");
  const unit = form === "rising" || form === "falling" ? unitAfterValue(values.unit) : values.unit;
  return { form, values: { ...values, parameter, ...(unit === undefined ? {} : { unit }) } };
}

/**
 * The unit with the space before it, for the rising and falling forms ("−53 %", "+0.5 mmol/L"): a short unit is
 * joined to its number by a no-break space, so that "%" never wraps alone onto a narrow tile's next line; a longer one
 * keeps a breaking space, so that "mmol/L" moves whole rather than being split at its slash.
 */
function unitAfterValue(unit: string | undefined): string {
  if (!unit) return "";
  return `${unit.length <= 2 ? "\u00a0" : " "}${unit}`;
}
