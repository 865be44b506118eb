import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import type { TRoundFrequency, TRoundTemplateItem } from "./template";

/**
 * A round's answers as the tablet sends them, and the pure check of a round against its checklist: every item the
 * round asks is answered, an abnormal finding carries a comment, a number is plausible, a choice is one of the list.
 * The server runs it before anything is written; the form runs the same to say what is missing.
 */

export const ZRoundAnswerInput = z.object({
  itemId: z.string().min(1).max(80),
  /** "done" | "not_done" | "normal" | "abnormal" | a choice's value | the number as typed. */
  value: ZClinicalText({ max: 40 }).min(1),
  comment: ZClinicalText({ max: 1000, multiline: true }).optional(),
});
export type TRoundAnswerInput = z.infer<typeof ZRoundAnswerInput>;

/** A checked answer, as stored. */
export interface TCheckedAnswer {
  readonly itemId: string;
  readonly value: string;
  readonly numberValue: number | null;
  readonly abnormal: boolean;
  readonly comment: string | null;
}

export interface TAnswerIssue {
  readonly itemId: string;
  readonly code: "MISSING" | "COMMENT_REQUIRED" | "NOT_A_NUMBER" | "OUT_OF_RANGE" | "UNKNOWN_VALUE" | "NOT_ASKED";
  readonly message: string;
}

export type TAnswerCheck = { ok: true; answers: TCheckedAnswer[] } | { ok: false; issues: TAnswerIssue[] };

/** The items a round opened now asks: those whose frequency is open. */
export function itemsAsked(
  items: readonly TRoundTemplateItem[],
  open: readonly TRoundFrequency[],
): TRoundTemplateItem[] {
  return items.filter((item) => open.includes(item.frequency));
}

/** Decimal comma or point, as a French or English keypad types it. */
export function parseNumberAnswer(value: string): number | null {
  const normalised = value.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** Whether this value of the item is an abnormal finding (whatever else is wrong with the answer). */
export function isAbnormalValue(item: TRoundTemplateItem, value: string): boolean {
  if (item.type === "normal_abnormal") return value === "abnormal";
  if (item.type === "choice") return item.choices.some((c) => c.value === value && c.abnormal);
  return false;
}

/** One answer against its item: the answer as stored, or what is wrong with it. */
export function checkAnswer(item: TRoundTemplateItem, answer: TRoundAnswerInput): TAnswerIssue | TCheckedAnswer {
  const comment = answer.comment && answer.comment.length > 0 ? answer.comment : null;
  const issue = (code: TAnswerIssue["code"], message: string): TAnswerIssue => ({ itemId: item.itemId, code, message });
  const ok = (abnormal: boolean, numberValue: number | null = null): TCheckedAnswer | TAnswerIssue =>
    abnormal && comment === null
      ? issue("COMMENT_REQUIRED", `${item.labelEn}: an abnormal finding needs a comment`)
      : {
          itemId: item.itemId,
          value: numberValue === null ? answer.value : String(numberValue),
          numberValue,
          abnormal,
          comment,
        };
  switch (item.type) {
    case "check":
      if (answer.value !== "done" && answer.value !== "not_done")
        return issue("UNKNOWN_VALUE", `${item.labelEn}: answer done or not_done`);
      // "Not done" is an answer, not a finding: it is kept and shown, and needs no comment.
      return ok(false);
    case "normal_abnormal":
      if (answer.value !== "normal" && answer.value !== "abnormal")
        return issue("UNKNOWN_VALUE", `${item.labelEn}: answer normal or abnormal`);
      return ok(answer.value === "abnormal");
    case "choice": {
      const choice = item.choices.find((c) => c.value === answer.value);
      if (!choice)
        return issue(
          "UNKNOWN_VALUE",
          `${item.labelEn}: "${answer.value}" is not one of ${item.choices.map((c) => c.value).join(", ")}`,
        );
      return ok(choice.abnormal);
    }
    case "number": {
      const n = parseNumberAnswer(answer.value);
      if (n === null) return issue("NOT_A_NUMBER", `${item.labelEn}: "${answer.value}" is not a number`);
      if (n < item.min || n > item.max)
        return issue(
          "OUT_OF_RANGE",
          `${item.labelEn}: ${n} ${item.unit} is outside ${item.min}–${item.max} ${item.unit}`,
        );
      return ok(false, n);
    }
  }
}

/** Every asked item answered and valid, nothing else answered: the round as it will be stored, or every issue. */
export function checkRoundAnswers(
  asked: readonly TRoundTemplateItem[],
  answers: readonly TRoundAnswerInput[],
): TAnswerCheck {
  const byId = new Map(answers.map((a) => [a.itemId, a]));
  const askedIds = new Set(asked.map((i) => i.itemId));
  const issues: TAnswerIssue[] = [];
  const checked: TCheckedAnswer[] = [];
  for (const item of asked) {
    const answer = byId.get(item.itemId);
    if (!answer) {
      issues.push({ itemId: item.itemId, code: "MISSING", message: `${item.labelEn}: not answered` });
      continue;
    }
    const result = checkAnswer(item, answer);
    if ("code" in result) issues.push(result);
    else checked.push(result);
  }
  for (const answer of answers) {
    if (!askedIds.has(answer.itemId))
      issues.push({
        itemId: answer.itemId,
        code: "NOT_ASKED",
        message: `${answer.itemId}: this round does not ask this item`,
      });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: checked };
}
