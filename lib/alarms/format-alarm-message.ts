import { getParameter, unitText } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import type { TAlarmTransition } from "./alarm-state";
import type { TComparison } from "./rule-schema";

const MIN = 60_000;
const H = 60 * MIN;

/** Formatters are costly to build and the station prints every alarm every second: one per locale and precision. */
const FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: TLocale, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}|${minDecimals}|${maxDecimals}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    FORMATS.set(key, format);
  }
  return format;
}

const SYMBOLS: Readonly<Record<TComparison, string>> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

/** What a message needs of an alarm: a transition, or the stored alarm that carries the same fields. */
export type TAlarmMessageInput = Pick<
  TAlarmTransition,
  "messageKey" | "parameter" | "value" | "limit" | "comparison" | "unit"
>;

export interface TAlarmMessage {
  /** Under the alarm namespace of the i18n catalogue, which owns the sentence around the values. */
  readonly messageKey: string;
  readonly comparison: TComparison;
  /** The message's arguments, each printed for the locale: "Arterial lactate", "4.6", "≥", "4", "mmol/L". */
  readonly values: {
    readonly parameter: string;
    readonly value: string;
    readonly comparison: string;
    readonly limit: string;
    readonly unit: string;
  };
}

export interface TFormatAlarmMessageOptions {
  readonly alarm: TAlarmMessageInput;
  readonly locale: TLocale;
}

/**
 * The parts of an alarm's message as data for next-intl. The value keeps the catalogue's decimals (a measurement
 * says how precise it is); the limit drops trailing zeros ("≥ 4", not "≥ 4.0"); durations read in h, min or s by
 * the size of their limit.
 */
export function formatAlarmMessage({ alarm, locale }: TFormatAlarmMessageOptions): TAlarmMessage {
  const parameter = alarm.parameter === null ? null : getParameter(alarm.parameter);
  const print = (x: number, minDecimals: number, maxDecimals: number) =>
    numberFormat(locale, minDecimals, maxDecimals).format(x);

  let value: string;
  let limit: string;
  let unit: string;
  if (alarm.unit === "ms") {
    const [scale, unitText] = alarm.limit >= H ? [H, "h"] : alarm.limit >= MIN ? [MIN, "min"] : [1000, "s"];
    // Elapsed time is told the way a clock tells it: 12.96 h is still 12.9 h, not yet 13.
    value = print(Math.floor((alarm.value / scale) * 10) / 10, 0, 1);
    limit = print(alarm.limit / scale, 0, 1);
    unit = unitText;
  } else if (parameter && alarm.unit === parameter.unit) {
    value = print(alarm.value, parameter.decimals, parameter.decimals);
    limit = print(alarm.limit, 0, parameter.decimals);
    unit = unitText(parameter, locale);
  } else {
    // A relative change ("%"): one decimal keeps 50.4 % > 50 % from reading as 50 > 50.
    value = print(alarm.value, 0, 1);
    limit = print(alarm.limit, 0, 1);
    unit = alarm.unit;
  }
  return {
    messageKey: alarm.messageKey,
    comparison: alarm.comparison,
    values: {
      parameter: parameter ? parameter.label[locale] : "",
      value,
      comparison: SYMBOLS[alarm.comparison],
      limit,
      unit,
    },
  };
}
