"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { bedKeys } from "@/lib/client/query-keys";
import { sendRequest } from "@/lib/client/request-error";
import { useCan } from "@/lib/client/session-user";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import {
  FOUR_TS_ITEMS,
  fourTsTotal,
  type TFourTsItem,
  type TFourTsPrefill,
  type TFourTsScores,
} from "@/lib/scores/four-ts";
import { ZFourTsAnswers, ZStoredFourTs, type TFourTsAnswers, type TStoredFourTs } from "@/lib/scores/four-ts-record";
import { SCORE_SOURCES } from "@/lib/scores/sources";
import { formatNumber } from "@/lib/station/prepare-tile";
import { useSourceLabel } from "@/components/ui/use-source-label";

const SCORES = [2, 1, 0] as const;

/**
 * The 4Ts screen (Lo 2006), with the items the platelet counts can tell pre-filled and marked as such; the
 * clinician confirms or changes them and scores the two that only the bedside can. A complete screen can be recorded
 * with the episode (physicians and perfusionists): the server keeps the answers with the counts they rest on, and
 * the recorded screens are listed below with who, when, the total, each answer's source and those counts. A prompt,
 * never a diagnosis.
 */
export function FourTsForm({
  bedId,
  prefill,
  suggested,
  screens,
  timeZone,
}: {
  readonly bedId: string;
  readonly prefill: TFourTsPrefill;
  readonly suggested: boolean;
  /** Recorded screens of the episode, newest first. */
  readonly screens: readonly TStoredFourTs[];
  readonly timeZone: string;
}) {
  const t = useTranslations("bed.fourTs");
  const sourceLabel = useSourceLabel();
  const r = useTranslations("fourTsRecord");
  const describe = useDescribeRequestError();
  const queryClient = useQueryClient();
  const mayRecord = useCan("score.record");
  const mutation = useMutation({
    mutationFn: (answers: TFourTsAnswers) => postFourTs(bedId, answers),
    onSuccess: (saved) => {
      queryClient.setQueryData<TBedDetail>(bedKeys.detail(bedId), (current) =>
        current?.episode
          ? { ...current, episode: { ...current.episode, fourTs: [saved, ...current.episode.fourTs].slice(0, 5) } }
          : current,
      );
    },
  });
  const [scores, setScores] = useState<TFourTsScores>({
    thrombocytopenia: prefill.thrombocytopenia?.score ?? null,
    timing: prefill.timing?.score ?? null,
    thrombosis: null,
    otherCause: null,
  });
  const [touched, setTouched] = useState<ReadonlySet<TFourTsItem>>(new Set());
  const result = fourTsTotal(scores);
  const complete = ZFourTsAnswers.safeParse(scores);

  const choose = (item: TFourTsItem, score: 0 | 1 | 2) => {
    setScores((current) => ({ ...current, [item]: score }));
    setTouched((current) => new Set(current).add(item));
    mutation.reset();
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
              {filled && !touched.has(item) && (
                <span className="four-ts__prefilled">{t("fromData", { reason: t(`reasons.${filled.reason}`) })}</span>
              )}
            </legend>
            {SCORES.map((score) => (
              <label key={score} className="four-ts__option">
                <input
                  type="radio"
                  name={`four-ts-${item}`}
                  value={score}
                  checked={scores[item] === score}
                  onChange={() => choose(item, score)}
                />
                <span className="four-ts__points">{score}</span> {t(`options.${item}.${score}`)}
              </label>
            ))}
            {item === "timing" && <p className="score-card__note">{t("timingAssumption")}</p>}
          </fieldset>
        );
      })}
      <p className="score-card__result" data-testid="four-ts-result" aria-live="polite">
        {result
          ? t("total", { total: result.total, probability: t(`probability.${result.probability}`) })
          : t("incomplete")}
      </p>
      {mayRecord && (
        <div className="four-ts__record">
          <button
            type="button"
            className="button button--primary"
            disabled={!complete.success || mutation.isPending}
            onClick={() => complete.success && mutation.mutate(complete.data)}
            data-testid="four-ts-record"
          >
            {mutation.isPending ? r("recording") : r("record")}
          </button>
          {!complete.success && <span className="score-card__note">{r("completeFirst")}</span>}
          {mutation.isError && (
            <p className="save-form__error" role="alert">
              {r("failed", { message: describe(mutation.error) })}
            </p>
          )}
        </div>
      )}
      <RecordedScreens screens={screens} timeZone={timeZone} />
      <p className="score-card__source">{sourceLabel(SCORE_SOURCES.fourTs)}</p>
    </details>
  );
}

/** The recorded screens: who and when, the total, each answer with where it came from, and the counts then. */
function RecordedScreens({
  screens,
  timeZone,
}: {
  readonly screens: readonly TStoredFourTs[];
  readonly timeZone: string;
}) {
  const t = useTranslations("bed.fourTs");
  const r = useTranslations("fourTsRecord");
  const locale = useLocale();
  const at = (ms: number) => formatDayTime(ms, locale, timeZone);
  return (
    <section className="four-ts__recorded" aria-label={r("recordedTitle")} data-testid="four-ts-recorded">
      <p className="score-card__title">{r("recordedTitle")}</p>
      {screens.length === 0 && <p className="score-card__note">{r("none")}</p>}
      {screens.map((screen) => {
        const counts = screen.inputs.platelets;
        return (
          <div key={screen.id} className="four-ts__screen" data-testid="four-ts-screen" data-total={screen.total}>
            <p className="score-card__result">
              {r("recorded", {
                time: at(screen.recordedAt),
                name: screen.recordedBy.name,
                total: screen.total,
                probability: t(`probability.${screen.probability}`),
              })}
            </p>
            <ul className="four-ts__answers">
              {FOUR_TS_ITEMS.map((item) => (
                <li key={item} data-source={screen.sources[item]}>
                  {r("answer", { item: t(`items.${item}`), score: screen.answers[item] })} ·{" "}
                  {r(`source.${screen.sources[item] ?? "clinician"}`)}
                </li>
              ))}
            </ul>
            <p className="score-card__note">
              {counts
                ? `${r("inputs", {
                    peak: formatNumber(counts.peak.v, 0, locale),
                    peakAt: at(counts.peak.t),
                    nadir: formatNumber(counts.nadir.v, 0, locale),
                    nadirAt: at(counts.nadir.t),
                    fall: formatNumber(counts.maxFallPct, 0, locale),
                  })}; ${counts.onsetDay === null ? r("noOnset") : r("onset", { day: formatNumber(counts.onsetDay, 1, locale) })}.`
                : r("noCounts")}{" "}
              {r("heparin", { at: at(screen.inputs.heparinStartedAt) })}
            </p>
          </div>
        );
      })}
    </section>
  );
}

async function postFourTs(bedId: string, answers: TFourTsAnswers): Promise<TStoredFourTs> {
  const response = await sendRequest(`/api/beds/${encodeURIComponent(bedId)}/four-ts`, { body: answers });
  return ZStoredFourTs.parse(await response.json());
}
