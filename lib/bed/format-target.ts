import type { TTargetRange } from "@/lib/catalogue";
import type { TLocale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/station/prepare-tile";

/** A target range as printed: "0.30–0.50", "< 2.0", "≥ 50", "> 2.00". Null when there is no limit. */
export function formatTarget(target: TTargetRange | undefined, decimals: number, locale: TLocale): string | null {
  if (!target) return null;
  const n = (v: number) => formatNumber(v, decimals, locale);
  const { low, high } = target;
  if (low !== undefined && high !== undefined) return `${n(low)}–${n(high)}`;
  if (low !== undefined) return `${target.lowExclusive ? ">" : "≥"} ${n(low)}`;
  if (high !== undefined) return `${target.highExclusive ? "<" : "≤"} ${n(high)}`;
  return null;
}
