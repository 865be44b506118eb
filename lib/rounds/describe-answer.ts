import type { TLocale } from "@/lib/i18n/locales";
import type { TRoundTemplateItem } from "./template";

/** An answer as words: a catalogue message for the fixed answers, the text itself for a choice or a number. */
export type TAnswerWords = { readonly key: "done" | "notDone" | "normal" | "abnormal" } | { readonly text: string };

export function describeAnswer(item: TRoundTemplateItem | undefined, value: string, locale: TLocale): TAnswerWords {
  if (value === "done") return { key: "done" };
  if (value === "not_done") return { key: "notDone" };
  if (value === "normal") return { key: "normal" };
  if (value === "abnormal") return { key: "abnormal" };
  if (item?.type === "choice") {
    const choice = item.choices.find((c) => c.value === value);
    if (choice) return { text: locale === "fr" ? choice.labelFr : choice.labelEn };
  }
  if (item?.type === "number") return { text: `${locale === "fr" ? value.replace(".", ",") : value} ${item.unit}` };
  return { text: value };
}

export const labelOf = (item: Pick<TRoundTemplateItem, "labelEn" | "labelFr">, locale: TLocale) =>
  locale === "fr" ? item.labelFr : item.labelEn;
export const sectionOf = (item: Pick<TRoundTemplateItem, "sectionEn" | "sectionFr">, locale: TLocale) =>
  locale === "fr" ? item.sectionFr : item.sectionEn;

/** A duration in whole minutes as the screens word it: "25 min", "2 h 10 min", "3 d 4 h". */
export function splitDuration(minutes: number): {
  readonly unit: "minutes" | "hours" | "days";
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
} {
  const m = Math.max(0, Math.floor(minutes));
  // "60 min" rather than "1 h 0 min": the hour after a round is the commonest wait on the screen.
  if (m <= 60) return { unit: "minutes", days: 0, hours: 0, minutes: m };
  if (m < 24 * 60) return { unit: "hours", days: 0, hours: Math.floor(m / 60), minutes: m % 60 };
  return { unit: "days", days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}
