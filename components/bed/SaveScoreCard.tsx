"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { bedKeys } from "@/lib/client/query-keys";
import { sendRequest } from "@/lib/client/request-error";
import { useCan } from "@/lib/client/session-user";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import {
  computeSaveScore,
  SAVE_DIAGNOSES,
  SAVE_ITEMS,
  ZSaveScoreInputs,
  ZStoredSaveScore,
  type TSaveScoreInputs,
  type TStoredSaveScore,
} from "@/lib/scores/save-score";
import { SCORE_SOURCES } from "@/lib/scores/sources";
import { useSourceLabel } from "@/components/ui/use-source-label";

type TNumberField =
  | "ageYears"
  | "weightKg"
  | "intubationHours"
  | "peakInspiratoryPressure"
  | "diastolicBp"
  | "pulsePressure"
  | "bicarbonate";
type TFlagField = "liverFailure" | "cnsDysfunction" | "acuteRenalFailure" | "chronicRenalFailure" | "cardiacArrest";
const NUMBER_FIELDS: readonly TNumberField[] = [
  "ageYears",
  "weightKg",
  "intubationHours",
  "peakInspiratoryPressure",
  "diastolicBp",
  "pulsePressure",
  "bicarbonate",
];
const FLAG_FIELDS: readonly TFlagField[] = [
  "liverFailure",
  "cnsDysfunction",
  "acuteRenalFailure",
  "chronicRenalFailure",
  "cardiacArrest",
];

interface TDraft {
  numbers: Record<TNumberField, string>;
  flags: Record<TFlagField, boolean>;
  diagnoses: TSaveScoreInputs["diagnoses"];
}

function draftFrom(
  stored: TStoredSaveScore | null,
  episode: NonNullable<TBedDetail["episode"]>,
  weightKg: number | null,
): TDraft {
  const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    numbers: {
      ageYears: text(stored?.ageYears ?? episode.ageAtStartYears),
      weightKg: text(stored?.weightKg ?? weightKg),
      intubationHours: text(stored?.intubationHours),
      peakInspiratoryPressure: text(stored?.peakInspiratoryPressure),
      diastolicBp: text(stored?.diastolicBp),
      pulsePressure: text(stored?.pulsePressure),
      bicarbonate: text(stored?.bicarbonate),
    },
    flags: {
      liverFailure: stored?.liverFailure ?? false,
      cnsDysfunction: stored?.cnsDysfunction ?? false,
      acuteRenalFailure: stored?.acuteRenalFailure ?? false,
      chronicRenalFailure: stored?.chronicRenalFailure ?? false,
      cardiacArrest: stored?.cardiacArrest ?? false,
    },
    diagnoses: stored?.diagnoses ?? [],
  };
}

/** Empty PIP means not ventilated; any other empty number is missing (and fails validation, as it should). */
function toCandidate(draft: TDraft): unknown {
  const number = (field: TNumberField) => {
    const raw = draft.numbers[field].trim().replace(",", ".");
    if (raw === "") return field === "peakInspiratoryPressure" ? null : undefined;
    return Number(raw);
  };
  return {
    ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, number(f)])),
    ...draft.flags,
    diagnoses: draft.diagnoses,
  };
}

async function postSaveScore(bedId: string, inputs: TSaveScoreInputs): Promise<TStoredSaveScore> {
  const response = await sendRequest(`/api/beds/${encodeURIComponent(bedId)}/save-score`, { body: inputs });
  const body = (await response.json()) as { stored?: unknown };
  return ZStoredSaveScore.parse(body.stored);
}

/** "SAVE −1 · class III · 42 %" for the header, or that it is not recorded yet. */
export function SaveSummary({ stored }: { readonly stored: TStoredSaveScore | null }) {
  const t = useTranslations("bed.save");
  if (!stored)
    return (
      <span className="bed-header__save bed-header__muted" data-testid="save-summary">
        {t("notRecorded")}
      </span>
    );
  const score = computeSaveScore(stored);
  return (
    <span className="bed-header__save" data-testid="save-summary" data-total={score.total}>
      {t("summary", { total: score.total, riskClass: score.riskClass, survival: score.survivalPct })}
    </span>
  );
}

/**
 * The SAVE score at cannulation (VA-ECMO): the recorded total, class and published survival with each item's
 * points, and the form that records or corrects the inputs (age and weight pre-filled from the patient). The total
 * previews as the form is filled; the server stores the inputs and the cache takes the answer, without a refetch.
 */
export function SaveScoreCard({ detail }: { readonly detail: TBedDetail }) {
  const t = useTranslations("bed.save");
  const describe = useDescribeRequestError();
  const sourceLabel = useSourceLabel();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const episode = detail.episode;
  const stored = episode?.saveScore ?? null;
  const [editing, setEditing] = useState(false);
  // Recording is for physicians and perfusionists; the others see the score without the button (the server refuses
  // them anyway).
  const mayRecord = useCan("score.record");
  const [draft, setDraft] = useState<TDraft | null>(null);
  const mutation = useMutation({
    mutationFn: (inputs: TSaveScoreInputs) => postSaveScore(detail.bed.id, inputs),
    onSuccess: (saved) => {
      queryClient.setQueryData<TBedDetail>(bedKeys.detail(detail.bed.id), (current) =>
        current?.episode ? { ...current, episode: { ...current.episode, saveScore: saved } } : current,
      );
      setEditing(false);
    },
  });
  if (!episode || episode.deviceType === "IABP") return null;

  const current = draft ?? draftFrom(stored, episode, detail.patient?.weightKg ?? null);
  const parsed = ZSaveScoreInputs.safeParse(toCandidate(current));
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const preview = parsed.success ? computeSaveScore(parsed.data) : null;
  const recorded = stored ? computeSaveScore(stored) : null;

  const open = () => {
    setDraft(draftFrom(stored, episode, detail.patient?.weightKg ?? null));
    mutation.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.success) mutation.mutate(parsed.data);
  };

  return (
    <div className="score-card" data-testid="save-score">
      <p className="score-card__title">{t("title")}</p>
      {recorded && stored ? (
        <>
          <p className="score-card__result" data-testid="save-result">
            {t("summary", { total: recorded.total, riskClass: recorded.riskClass, survival: recorded.survivalPct })}
          </p>
          <p className="score-card__note">
            {SAVE_ITEMS.filter((item) => recorded.items[item] !== 0)
              .map(
                (item) =>
                  `${t(`items.${item}`)} ${recorded.items[item] > 0 ? "+" : "−"}${Math.abs(recorded.items[item])}`,
              )
              .join(" · ")}
            {" · "}
            {t("constant")}
          </p>
          <p className="score-card__note">
            {t("recordedAt", { time: formatDayTime(stored.recordedAt, locale, detail.bed.timeZone) })}
          </p>
        </>
      ) : (
        <p className="score-card__result">{t("notRecorded")}</p>
      )}
      {!editing && mayRecord && (
        <button type="button" className="button" onClick={open} data-testid="save-open">
          {stored ? t("correct") : t("record")}
        </button>
      )}
      {editing && (
        <form className="save-form" onSubmit={submit} noValidate data-testid="save-form">
          {NUMBER_FIELDS.map((field) => (
            <label key={field} className={`save-form__field${invalid.has(field) ? " save-form__field--invalid" : ""}`}>
              <span>{t(`fields.${field}`)}</span>
              <input
                inputMode="decimal"
                name={field}
                value={current.numbers[field]}
                aria-invalid={invalid.has(field)}
                onChange={(e) => setDraft({ ...current, numbers: { ...current.numbers, [field]: e.target.value } })}
              />
            </label>
          ))}
          <fieldset className="save-form__groups" data-testid="save-diagnoses">
            <legend>{t("fields.diagnosis")}</legend>
            {/* Groups combine as the published score counts them; none ticked is "other cause" (0 points). */}
            {SAVE_DIAGNOSES.map((d) => (
              <label key={d} className="save-form__flag">
                <input
                  type="checkbox"
                  name={`diagnosis-${d}`}
                  checked={current.diagnoses.includes(d)}
                  onChange={(e) =>
                    setDraft({
                      ...current,
                      diagnoses: e.target.checked
                        ? SAVE_DIAGNOSES.filter((g) => g === d || current.diagnoses.includes(g))
                        : current.diagnoses.filter((g) => g !== d),
                    })
                  }
                />
                <span>{t(`diagnoses.${d}`)}</span>
              </label>
            ))}
            <p className="save-form__hint">{t("diagnoses.other")}</p>
          </fieldset>
          {FLAG_FIELDS.map((field) => (
            <label key={field} className="save-form__flag">
              <input
                type="checkbox"
                name={field}
                checked={current.flags[field]}
                onChange={(e) => setDraft({ ...current, flags: { ...current.flags, [field]: e.target.checked } })}
              />
              <span>{t(`fields.${field}`)}</span>
            </label>
          ))}
          <p className="score-card__result" aria-live="polite" data-testid="save-preview">
            {preview
              ? t("preview", { total: preview.total, riskClass: preview.riskClass, survival: preview.survivalPct })
              : t("previewIncomplete")}
          </p>
          {mutation.isError && (
            <p className="save-form__error" role="alert">
              {t("failed", { message: describe(mutation.error) })}
            </p>
          )}
          <div className="save-form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={!parsed.success || mutation.isPending}
              data-testid="save-submit"
            >
              {mutation.isPending ? t("saving") : t("submit")}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <p className="score-card__source">{sourceLabel(SCORE_SOURCES.save)}</p>
    </div>
  );
}
