"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ZBedAlarmHistory } from "@/lib/alarms/alarm-history";
import { fetchAlarmJson } from "@/lib/client/alarms-api";
import { alarmKeys } from "@/lib/client/query-keys";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { isLocale } from "@/lib/i18n/locales";
import { AlarmDialog } from "./AlarmDialog";
import { AlarmText } from "./AlarmText";

/** A bed's alarm history: every alarm of its patient, newest first, with who acknowledged it, why, and how it ended. */
export function BedAlarmHistory({
  bedId,
  bedLabel,
  timeZone,
  onClose,
}: {
  readonly bedId: string;
  readonly bedLabel: string;
  readonly timeZone: string;
  readonly onClose: () => void;
}) {
  const t = useTranslations("alarms");
  const describe = useDescribeRequestError(timeZone);
  const locale = useLocale();
  const query = useQuery({
    queryKey: alarmKeys.history(bedId),
    queryFn: ({ signal }) => fetchAlarmJson(`/api/beds/${encodeURIComponent(bedId)}/alarms`, ZBedAlarmHistory, signal),
    refetchInterval: 10_000,
  });
  const time = (ms: number | null) =>
    ms === null ? t("history.open") : formatDayTime(ms, isLocale(locale) ? locale : "en", timeZone);
  return (
    <AlarmDialog title={t("history.title", { label: bedLabel })} onClose={onClose} testId="alarm-history">
      <p>{t("history.intro")}</p>
      {query.isPending && <p>{t("history.loading")}</p>}
      {query.error && <p role="alert">{t("history.failed", { message: describe(query.error) })}</p>}
      {query.data && query.data.alarms.length === 0 && <p>{t("history.empty")}</p>}
      {query.data && query.data.alarms.length > 0 && (
        <table className="alarm-history">
          <thead>
            <tr>
              <th scope="col">{t("history.raised")}</th>
              <th scope="col">{t("history.priority")}</th>
              <th scope="col">{t("history.alarm")}</th>
              <th scope="col">{t("history.state")}</th>
              <th scope="col">{t("history.acknowledgement")}</th>
              <th scope="col">{t("history.ended")}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.alarms.map((alarm) => (
              <tr key={alarm.id} data-testid="alarm-history-row" data-rule={alarm.ruleId} data-status={alarm.status}>
                <td>{time(alarm.raisedAt)}</td>
                <td className={`alarm-priority--${alarm.priority}`}>{t(`priority.${alarm.priority}`)}</td>
                <td>
                  <AlarmText alarm={alarm} />
                </td>
                <td>
                  {t(`status.${alarm.status}`)}
                  {alarm.resolution && ` (${t(`resolution.${alarm.resolution as "cleared"}`)})`}
                </td>
                <td data-testid="alarm-history-acknowledgement">
                  {alarm.acknowledgedAt !== null && alarm.acknowledgedReason !== null
                    ? t("panel.acknowledgedBy", {
                        name: alarm.acknowledgedBy ?? "?",
                        time: time(alarm.acknowledgedAt),
                        reason:
                          t(`reason.${alarm.acknowledgedReason}`) +
                          (alarm.acknowledgedComment ? ` — ${alarm.acknowledgedComment}` : ""),
                      })
                    : "—"}
                </td>
                <td>{time(alarm.resolvedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AlarmDialog>
  );
}
