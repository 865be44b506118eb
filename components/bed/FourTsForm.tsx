"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FOUR_TS_ITEMS, fourTsTotal, type TFourTsItem, type TFourTsPrefill, type TFourTsScores } from "@/lib/scores/four-ts";
import { SCORE_SOURCES } from "@/lib/scores/sources";

const SCORES = [2, 1, 0] as const;

/**
 * The 4Ts screen (Lo 2006), with the items the platelet counts can tell pre-filled and marked as such; the
 * clinician confirms or changes them and scores the two that only the bedside can. Nothing is stored: it is a
 * prompt, never a diagnosis.
 */
export function FourTsForm({ prefill, suggested }: { readonly prefill: TFourTsPrefill; readonly suggested: boolean }) {
  const t = useTranslations("bed.fourTs");
  const [scores, setScores] = useState<TFourTsScores>({
    thrombocytopenia: prefill.thrombocytopenia?.score ?? null,
    timing: prefill.timing?.score ?? null,
    thrombosis: null,
    otherCause: null,
  });
  const [touched, setTouched] = useState<ReadonlySet<TFourTsItem>>(new Set());
  const result = fourTsTotal(scores);

  const choose = (item: TFourTsItem, score: 0 | 1 | 2) => {
    setScores((current) => ({ ...current, [item]: score }));
    setTouched((current) => new Set(current).add(item));
  };

  return (
    <details className="score-card" open={suggested} data-testid="four-ts">
      <summary className="score-card__title">
        {t("title")}
        {suggested && <span className="score-card__badge">{t("suggested")}</span>}
      </summary>
      <p className="score-card__note">{t("intro")}</p>
      {FOUR_TS_ITEMS.map((item) => {
        const filled = item === "thrombocytopenia" || item === "timing" ? prefill[item] : null;
        return (
          <fieldset key={item} className="four-ts__item" data-testid={`four-ts-${item}`}>
            <legend>
              {t(`items.${item}`)}
              {filled && !touched.has(item) && <span className="four-ts__prefilled">{t("fromData", { reason: t(`reasons.${filled.reason}`) })}</span>}
            </legend>
            {SCORES.map((score) => (
              <label key={score} className="four-ts__option">
                <input type="radio" name={`four-ts-${item}`} value={score} checked={scores[item] === score} onChange={() => choose(item, score)} />
                <span className="four-ts__points">{score}</span> {t(`options.${item}.${score}`)}
              </label>
            ))}
            {item === "timing" && <p className="score-card__note">{t("timingAssumption")}</p>}
          </fieldset>
        );
      })}
      <p className="score-card__result" data-testid="four-ts-result" aria-live="polite">
        {result ? t("total", { total: result.total, probability: t(`probability.${result.probability}`) }) : t("incomplete")}
      </p>
      <p className="score-card__source">{SCORE_SOURCES.fourTs.citation}</p>
    </details>
  );
}
