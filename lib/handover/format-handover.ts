import { formatCensored, type TComparator } from "@/lib/observations/lab-result";
import { findParameter, unitText } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";

/** A parameter's short label in the locale, or its code when the catalogue no longer has it. */
export function parameterLabel(code: string, locale: TLocale): string {
  return findParameter(code)?.short[locale] ?? code;
}

/**
 * A value as the sheet prints it, with its unit: the catalogue's decimals; the assist ratio as the console shows it
 * ("1:2"); the balloon's pumping as null (the screen says "pumping" or "stopped" in its language).
 */
export function formatHandoverValue(
  code: string,
  value: number,
  locale: TLocale,
  comparator?: TComparator,
): string | null {
  if (code === "iabp_pumping") return null;
  if (code === "iabp_ratio") return `1:${Math.round(value)}`;
  const parameter = findParameter(code);
  // A censored lab result as the lab wrote it: "< 0.10 IU/mL" ("< 0,10 UI/mL" in French).
  const text = formatCensored(comparator, formatNumber(value, parameter?.decimals ?? 1, locale));
  return parameter?.unitDisplay ? `${text} ${unitText(parameter, locale)}` : text;
}

/** A signed change, "+0.4" / "−1.2" / "0", in the parameter's decimals. */
export function formatDelta(code: string, delta: number, locale: TLocale): string {
  const text = formatNumber(Math.abs(delta), findParameter(code)?.decimals ?? 1, locale);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}
