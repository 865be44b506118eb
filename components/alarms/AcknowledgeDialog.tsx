"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import {
  ACKNOWLEDGEMENT_REASONS,
  ZAcknowledgeAlarmSchema,
  type TAcknowledgementReason,
  type TAlarmDto,
} from "@/lib/alarms/alarm-dto";
import { acknowledgeAlarmBySocket } from "@/lib/client/alarms-api";
import { commandRefusal } from "@/lib/client/request-error";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { getSocket } from "@/lib/client/socket";
import { AlarmDialog } from "./AlarmDialog";
import { AlarmText } from "./AlarmText";

/**
 * ACKNOWLEDGED with a reason (treated, artefact, expected, other + comment). The answer comes from the server after
 * commit; the list updates from the broadcast like every other screen's.
 */
export function AcknowledgeDialog({
  alarm,
  bedLabel,
  onClose,
}: {
  readonly alarm: TAlarmDto;
  readonly bedLabel: string;
  readonly onClose: () => void;
}) {
  const t = useTranslations("alarms");
  const describe = useDescribeRequestError();
  const [reason, setReason] = useState<TAcknowledgementReason | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = ZAcknowledgeAlarmSchema.safeParse({
      alarmId: alarm.id,
      reason,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    if (!input.success) {
      setError(reason === "other" ? t("acknowledge.commentRequired") : t("acknowledge.reasonLegend"));
      return;
    }
    setBusy(true);
    const answer = await acknowledgeAlarmBySocket(getSocket(), input.data);
    setBusy(false);
    if (answer.ok) onClose();
    else setError(t("acknowledge.failed", { message: describe(commandRefusal(answer.error)) }));
  };

  return (
    <AlarmDialog title={t("acknowledge.title", { label: bedLabel })} onClose={onClose} testId="acknowledge-dialog">
      <form className="alarm-form" onSubmit={(e) => void submit(e)}>
        <p className={`alarm-form__alarm alarm-priority--${alarm.priority}`}>
          <AlarmText alarm={alarm} />
        </p>
        <fieldset className="alarm-form__reasons">
          <legend>{t("acknowledge.reasonLegend")}</legend>
          {ACKNOWLEDGEMENT_REASONS.map((r) => (
            <label key={r} className="alarm-form__reason">
              <input
                type="radio"
                name="reason"
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
                required
              />
              {t(`reason.${r}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={commentId}>{t("acknowledge.comment")}</label>
        <textarea
          id={commentId}
          value={comment}
          maxLength={500}
          rows={2}
          onChange={(e) => setComment(e.target.value)}
          required={reason === "other"}
        />
        {error && (
          <p className="alarm-form__error" role="alert">
            {error}
          </p>
        )}
        <div className="alarm-form__actions">
          <button type="button" className="alarm-button alarm-button--quiet" onClick={onClose}>
            {t("acknowledge.cancel")}
          </button>
          <button
            type="submit"
            className="alarm-button"
            disabled={busy || reason === null}
            data-testid="acknowledge-submit"
          >
            {t("acknowledge.submit")}
          </button>
        </div>
      </form>
    </AlarmDialog>
  );
}
