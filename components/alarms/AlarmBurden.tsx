"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ZAlarmBurden } from "@/lib/alarms/alarm-history";
import { ALARM_PRIORITIES } from "@/lib/alarms/rule-schema";
import { fetchAlarmJson } from "@/lib/client/alarms-api";
import { alarmKeys } from "@/lib/client/query-keys";
import { isLocale } from "@/lib/i18n/locales";
import { formatHourMinute } from "@/lib/bed/format-date-time";

/**
 * The most rows the burden table shows. The alarm list above it has the panel's room first: with 8 rows the table took
 * half the panel of a 1080p wall and the list showed one alarm of ten (the rest counted "+ 9 more below"). The
 * burden is a shift summary; each bed's full history is a click away.
 */
const BURDEN_ROWS = 3;

function mostAlarmed<T extends { readonly total: number }>(beds: readonly T[]): T[] {
  const withAlarms = beds.filter((bed) => bed.total > 0);
  if (withAlarms.length <= BURDEN_ROWS) return withAlarms;
  const floor = [...withAlarms].sort((a, b) => b.total - a.total)[BURDEN_ROWS - 1]?.total ?? 0;
  // In bed order, as the wall is; ties at the cut are left out rather than shown in part.
  const above = withAlarms.filter((bed) => bed.total > floor);
  return above.length > 0 ? above : withAlarms.slice(0, BURDEN_ROWS);
}

/** Alarms raised per bed and priority this shift (the unit's shifts, lib/shifts), and the previous shift's total. */
export function AlarmBurden({
  unitId,
  onHistory,
}: {
  readonly unitId: string;
  readonly onHistory: (bed: { bedId: string; label: string }) => void;
}) {
  const t = useTranslations("alarms");
  const locale = useLocale();
  const query = useQuery({
    queryKey: alarmKeys.burden(unitId),
    queryFn: ({ signal }) =>
      fetchAlarmJson(`/api/units/${encodeURIComponent(unitId)}/alarms/burden`, ZAlarmBurden, signal),
    refetchInterval: 30_000,
  });
  const burden = query.data;
  if (!burden) return null;
  const { current, previous } = burden;
  // A 32-bed wall has no room for 32 rows: the beds with the most alarms this shift (none without), and the totals.
  const listed = mostAlarmed(current.beds);
  const start = formatHourMinute(current.start, isLocale(locale) ? locale : "en", burden.timeZone);
  return (
    <section className="alarm-burden" aria-labelledby="alarm-burden-title" data-testid="alarm-burden">
      <h3 id="alarm-burden-title" className="alarm-panel__subtitle">
        {t("burden.title")} ·{" "}
        {current.name === "day"
          ? t("burden.shiftDay", { start })
          : current.name === "night"
            ? t("burden.shiftNight", { start })
            : t("burden.shiftNamed", { name: current.name, start })}
      </h3>
      <table className="alarm-burden__table">
        <thead>
          <tr>
            <th scope="col">{t("burden.bed")}</th>
            {ALARM_PRIORITIES.map((p) => (
              // A 23vw column holds "Technique" only by breaking it inside the word: an abbreviation, the full word
              // on hover and for screen readers.
              <th key={p} scope="col" className={`alarm-priority--${p}`} title={t(`priority.${p}`)}>
                <span aria-hidden="true">{t(`burden.short.${p}`)}</span>
                <span className="visually-hidden">{t(`priority.${p}`)}</span>
              </th>
            ))}
            <th scope="col">{t("burden.total")}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((bed) => (
            <tr key={bed.bedId} data-testid="alarm-burden-row" data-bed-id={bed.bedId}>
              <th scope="row">
                {/* The bed label opens its history: a column of "History" buttons did not fit a wall's panel. */}
                <button
                  type="button"
                  className="alarm-burden__bed"
                  aria-label={t("panel.historyFor", { label: bed.label })}
                  title={t("panel.historyFor", { label: bed.label })}
                  data-testid="alarm-history-open"
                  onClick={() => onHistory({ bedId: bed.bedId, label: bed.label })}
                >
                  {bed.label}
                </button>
              </th>
              {ALARM_PRIORITIES.map((p) => (
                <td key={p}>{bed.counts[p] || ""}</td>
              ))}
              <td>{bed.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("burden.total")}</th>
            {ALARM_PRIORITIES.map((p) => (
              <td key={p}>{current.counts[p]}</td>
            ))}
            <td>{current.total}</td>
          </tr>
          <tr className="alarm-burden__previous">
            <th scope="row">{t("burden.previous")}</th>
            {ALARM_PRIORITIES.map((p) => (
              <td key={p}>{previous.counts[p]}</td>
            ))}
            <td>{previous.total}</td>
          </tr>
        </tfoot>
      </table>
      {listed.length < current.beds.length && <p className="alarm-panel__note">{t("burden.othersNotListed")}</p>}
    </section>
  );
}
