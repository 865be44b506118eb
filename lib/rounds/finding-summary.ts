import { FINDING_COMMENT_SEPARATOR } from "@/lib/alarms/kiosk-alarm";
import type { TCheckedAnswer } from "./answers";
import { describeAnswer } from "./describe-answer";
import type { TRoundTemplateItem } from "./template";

const FIXED = {
  en: { abnormal: "abnormal", done: "done", notDone: "not done", normal: "normal" },
  fr: { abnormal: "anormal", done: "fait", notDone: "non fait", normal: "normal" },
} as const;

/** An abnormal finding as the alarm list shows it, in both languages: "Left leg: Doppler pulse: Weak — cool foot". */
export function findingSummary(
  item: TRoundTemplateItem,
  answer: Pick<TCheckedAnswer, "value" | "comment">,
): { en: string; fr: string } {
  const words = (locale: "en" | "fr") => {
    const w = describeAnswer(item, answer.value, locale);
    return "key" in w ? FIXED[locale][w.key] : w.text;
  };
  // The comment last, after the separator a wall display's copy is cut at (lib/alarms/kiosk-alarm.ts).
  const comment = answer.comment ? `${FINDING_COMMENT_SEPARATOR}${answer.comment}` : "";
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);
  return {
    en: cut(`${item.labelEn}: ${words("en")}${comment}`),
    fr: cut(`${item.labelFr} : ${words("fr")}${comment}`),
  };
}
