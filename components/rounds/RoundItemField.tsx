import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TFormAnswer, TPreparedFormItem } from "@/lib/rounds/prepare-round-form";
import { AnswerWords } from "./AnswerWords";

type TOption = { readonly value: string; readonly label: string; readonly abnormal: boolean };

/**
 * One item of a round: its label, the last answer beside it (for comparison; never a default), the answer as large
 * buttons or a number typed on the numeric keypad, and the comment an abnormal finding requires. A number that feeds
 * a parameter shows the parameter's newest value instead, with its source and age, and a notice when a device
 * reading holds an alarm on it.
 */
export function RoundItemField({
  prepared,
  timeZone,
  disabled,
  onAnswer,
}: {
  readonly prepared: TPreparedFormItem;
  readonly timeZone: string;
  readonly disabled: boolean;
  readonly onAnswer: (answer: TFormAnswer | null) => void;
}) {
  const t = useTranslations("rounds.form");
  const locale = useLocale();
  const id = useId();
  const { item, answer, issue, previous, newest, measuredAlarm } = prepared;
  const number = (value: number) => value.toLocaleString(locale);
  const options: TOption[] =
    item.type === "check"
      ? [
          { value: "done", label: t("done"), abnormal: false },
          { value: "not_done", label: t("notDone"), abnormal: false },
        ]
      : item.type === "normal_abnormal"
        ? [
            { value: "normal", label: t("normal"), abnormal: false },
            { value: "abnormal", label: t("abnormal"), abnormal: true },
          ]
        : item.type === "choice"
          ? item.choices.map((c) => ({
              value: c.value,
              label: locale === "fr" ? c.labelFr : c.labelEn,
              abnormal: c.abnormal,
            }))
          : [];
  const needsComment = prepared.abnormal || issue === "COMMENT_REQUIRED";
  const set = (value: string) => onAnswer({ value, ...(answer?.comment ? { comment: answer.comment } : {}) });

  return (
    <fieldset
      className={`round-item${issue ? " round-item--issue" : ""}${prepared.abnormal ? " round-item--abnormal" : ""}${answer ? " round-item--answered" : ""}`}
      id={`item-${item.itemId}`}
      data-testid="round-item"
      data-item-id={item.itemId}
      data-item-type={item.type}
      disabled={disabled}
    >
      <legend className="round-item__label">{prepared.label}</legend>
      <p
        className={`round-item__previous${previous?.abnormal && !newest ? " round-item__previous--abnormal" : ""}`}
        data-testid="round-item-previous"
      >
        {newest ? (
          // A number that feeds a parameter: the parameter's newest value, whoever recorded it, not the last round's.
          <>
            {t("newest")} <strong>{`${number(newest.value)} ${newest.unit}`}</strong>
            {` · ${t(`source.${newest.source}`)} · `}
            <span className="round-item__previous-time" title={formatDayTime(newest.at, locale, timeZone)}>
              {newest.ageMinutes < 60
                ? t("ageMinutes", { minutes: newest.ageMinutes })
                : t("ageHours", { hours: Math.floor(newest.ageMinutes / 60) })}
            </span>
          </>
        ) : previous ? (
          <>
            {t("previous")}{" "}
            <strong>
              <AnswerWords words={previous.words} />
            </strong>{" "}
            {previous.abnormal && <span aria-hidden="true">⚑ </span>}
            <span className="round-item__previous-time">
              {t("previousAt", { time: formatDayTime(previous.at, locale, timeZone) })}
            </span>
            {previous.comment && <span className="round-item__previous-comment"> — {previous.comment}</span>}
          </>
        ) : (
          t("noPrevious")
        )}
      </p>
      {measuredAlarm && (
        <p className="round-item__hint round-item__hint--issue" role="status" data-testid="round-item-measured-alarm">
          {t("measuredAlarm", { value: number(measuredAlarm.value), unit: measuredAlarm.unit })}
        </p>
      )}
      {item.type === "number" ? (
        <div className="round-item__number">
          <input
            id={`${id}-number`}
            className="round-item__input"
            type="text"
            // The numeric keypad on a tablet; a decimal comma is accepted (lib/rounds/answers.ts).
            inputMode="decimal"
            autoComplete="off"
            aria-label={prepared.label}
            aria-describedby={`${id}-hint`}
            aria-invalid={issue === "NOT_A_NUMBER" || issue === "OUT_OF_RANGE"}
            value={answer?.value ?? ""}
            onChange={(e) => onAnswer(e.target.value.trim() === "" ? null : { value: e.target.value })}
          />
          <span className="round-item__unit">{item.unit}</span>
          <span
            id={`${id}-hint`}
            className={`round-item__hint${issue === "NOT_A_NUMBER" || issue === "OUT_OF_RANGE" ? " round-item__hint--issue" : ""}`}
          >
            {issue === "NOT_A_NUMBER"
              ? t("notANumber")
              : issue === "OUT_OF_RANGE"
                ? t("outOfRange", { min: item.min, max: item.max, unit: item.unit })
                : t("numberHint", { min: item.min, max: item.max, unit: item.unit })}
          </span>
        </div>
      ) : (
        <div className="round-item__options" role="radiogroup" aria-label={prepared.label}>
          {options.map((o) => (
            <label
              key={o.value}
              className={`round-option${answer?.value === o.value ? " round-option--chosen" : ""}${o.abnormal ? " round-option--abnormal" : ""}`}
            >
              <input
                type="radio"
                name={`${id}-answer`}
                value={o.value}
                checked={answer?.value === o.value}
                onChange={() => set(o.value)}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
      {needsComment && (
        <label className="round-item__comment">
          <span>{t("comment")}</span>
          <textarea
            rows={2}
            value={answer?.comment ?? ""}
            aria-invalid={issue === "COMMENT_REQUIRED"}
            onChange={(e) => answer && onAnswer({ value: answer.value, comment: e.target.value })}
          />
          {issue === "COMMENT_REQUIRED" && (
            <span className="round-item__hint round-item__hint--issue">{t("commentRequired")}</span>
          )}
        </label>
      )}
    </fieldset>
  );
}
