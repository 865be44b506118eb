import { useTranslations } from "next-intl";
import type { TAnswerWords } from "@/lib/rounds/describe-answer";

/** An answer in words: the catalogue's for done / normal…, the choice's label or the number with its unit. */
export function AnswerWords({ words }: { readonly words: TAnswerWords }) {
  const t = useTranslations("rounds.form");
  return <>{"key" in words ? t(words.key) : words.text}</>;
}
