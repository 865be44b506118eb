import type { TLocale } from "@/lib/i18n/locales";
import { checkAnswer, isAbnormalValue, itemsAsked, type TAnswerIssue } from "./answers";
import { describeAnswer, labelOf, sectionOf, type TAnswerWords } from "./describe-answer";
import type { TObservationSource } from "@/lib/observations/reading";
import type { TPreviousAnswer, TRoundParameterValue } from "./round-dtos";
import type { TRoundFrequency, TRoundTemplateItem } from "./template";

export interface TFormAnswer {
  readonly value: string;
  readonly comment?: string;
}

export interface TPreparedFormItem {
  readonly item: TRoundTemplateItem;
  readonly label: string;
  readonly answer: TFormAnswer | null;
  /** What is wrong with the answer given (a missing comment, an implausible number); null when none or fine. */
  readonly issue: TAnswerIssue["code"] | null;
  /** The answer in force the last time the item was asked, with its time: for comparison, never as a default. */
  readonly previous: {
    readonly words: TAnswerWords;
    readonly abnormal: boolean;
    readonly comment: string | null;
    readonly at: number;
  } | null;
  /**
   * For a number that feeds a parameter: the newest value of that parameter, whoever recorded it (the device, an
   * interface, a round), with its age. Shown instead of the last round's answer, which may be hours older than what
   * the device reads now.
   */
  readonly newest: {
    readonly value: number;
    readonly unit: string;
    readonly source: TObservationSource;
    readonly at: number;
    readonly ageMinutes: number;
  } | null;
  /**
   * The value a device (or an interface) reads and the station alarms on, when the nurse has typed a value for the
   * same parameter: the typed value is stored as the parameter's newest reading, and the nurse must know it before
   * signing (see the notice in RoundItemField).
   */
  readonly measuredAlarm: { readonly value: number; readonly unit: string } | null;
  readonly abnormal: boolean;
}

export interface TPreparedRoundForm {
  readonly sections: ReadonlyArray<{ readonly title: string; readonly items: readonly TPreparedFormItem[] }>;
  readonly total: number;
  /** Items validly answered. */
  readonly answered: number;
  /** Items not yet validly answered, in order: the sign button stays off until there are none. */
  readonly remaining: readonly string[];
  readonly complete: boolean;
}

/**
 * The round form as the tablet draws it: the asked items by section, each with the nurse's answer (nothing is
 * pre-filled), what is wrong with it, and the last answer (or, for a number that feeds a parameter, the
 * parameter's newest value) beside it. Complete only when every item is answered:
 * there is no "all normal" shortcut.
 */
export function prepareRoundForm({
  items,
  frequencies,
  answers,
  previous,
  parameterValues = {},
  now = 0,
  locale,
}: {
  items: readonly TRoundTemplateItem[];
  frequencies: readonly TRoundFrequency[];
  answers: Readonly<Record<string, TFormAnswer>>;
  previous: Readonly<Record<string, TPreviousAnswer>>;
  /** By catalogue parameter, as the bed round context gives them. */
  parameterValues?: Readonly<Record<string, TRoundParameterValue>>;
  /** For the ages of the newest values. */
  now?: number;
  locale: TLocale;
}): TPreparedRoundForm {
  const asked = itemsAsked(items, frequencies);
  const sections: Array<{ title: string; items: TPreparedFormItem[] }> = [];
  const remaining: string[] = [];
  for (const item of asked) {
    const answer = answers[item.itemId] ?? null;
    const checked = answer
      ? checkAnswer(item, { itemId: item.itemId, value: answer.value, comment: answer.comment })
      : null;
    const issue = checked && "code" in checked ? checked.code : null;
    if (!checked || issue) remaining.push(item.itemId);
    const before = previous[item.itemId];
    const current = item.type === "number" && item.parameter ? parameterValues[item.parameter] : undefined;
    const prepared: TPreparedFormItem = {
      item,
      label: labelOf(item, locale),
      answer,
      issue,
      previous: before
        ? {
            words: describeAnswer(item, before.value, locale),
            abnormal: before.abnormal,
            comment: before.comment,
            at: before.at,
          }
        : null,
      newest: current
        ? {
            value: current.value,
            unit: current.unit,
            source: current.source,
            at: current.at,
            ageMinutes: Math.max(0, Math.floor((now - current.at) / 60_000)),
          }
        : null,
      measuredAlarm: answer !== null && current?.measuredAlarm ? current.measuredAlarm : null,
      abnormal: answer !== null && isAbnormalValue(item, answer.value),
    };
    const title = sectionOf(item, locale);
    const section = sections.at(-1);
    if (section?.title === title) section.items.push(prepared);
    else sections.push({ title, items: [prepared] });
  }
  return {
    sections,
    total: asked.length,
    answered: asked.length - remaining.length,
    remaining,
    complete: asked.length > 0 && remaining.length === 0,
  };
}
