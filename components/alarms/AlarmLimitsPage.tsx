"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ZAlarmLimits, type TAlarmLimitRow, type TOverrideVersion } from "@/lib/alarms/alarm-limits";
import { getParameter, isParameterCode, unitText } from "@/lib/catalogue";
import { fetchAlarmJson } from "@/lib/client/alarms-api";
import { alarmKeys } from "@/lib/client/query-keys";
import { sendRequest } from "@/lib/client/request-error";
import { useCan } from "@/lib/client/session-user";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { isLocale, type TLocale } from "@/lib/i18n/locales";
import "./alarms.css";
import { useSourceLabel } from "@/components/ui/use-source-label";

const SYMBOLS = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const;

/**
 * The limits in force on a unit (the screen shows which limit and where it came from), and, for a physician, the
 * form that sets a new version for the unit or one patient, with a reason.
 */
export function AlarmLimitsPage({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("alarms");
  const sourceLabel = useSourceLabel();
  const raw = useLocale();
  const locale: TLocale = isLocale(raw) ? raw : "en";
  const mayChange = useCan("threshold.change");
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: alarmKeys.limits(unitId),
    queryFn: ({ signal }) =>
      fetchAlarmJson(`/api/units/${encodeURIComponent(unitId)}/alarm-limits`, ZAlarmLimits, signal),
  });
  // The station's zone (next-intl's, STATION_TIME_ZONE), not the browser's: a tablet set to UTC read other times.
  const timeZone = useTimeZone() ?? "UTC";
  // The unit as the page's language writes it (UI/mL in French); the server's English one for a code it does not know.
  const unitOf = (row: TAlarmLimitRow) =>
    isParameterCode(row.parameter) ? unitText(getParameter(row.parameter), locale) : row.unit;
  const ruleName = (row: TAlarmLimitRow) =>
    `${isParameterCode(row.parameter) ? getParameter(row.parameter).label[locale] : row.parameter} ${SYMBOLS[row.comparison]}`;
  const version = (v: TOverrideVersion) =>
    `${v.value === null ? t("limits.withdrawn") : String(v.value)} — ${
      // A wall display is sent neither the author nor the reason (lib/alarms/kiosk-alarm.ts).
      v.by === ""
        ? t("limits.setAt", { version: v.version, time: formatDayTime(v.at, locale, timeZone) })
        : t("limits.setBy", {
            version: v.version,
            name: v.by,
            time: formatDayTime(v.at, locale, timeZone),
            reason: v.reason,
          })
    }`;

  return (
    <main className="alarm-limits" data-testid="alarm-limits">
      <h1>{t("limits.title", { unit: unitId })}</h1>
      <p>{t("limits.intro")}</p>
      <p>
        <Link href={`/station/${encodeURIComponent(unitId)}`}>{t("limits.back")}</Link>
      </p>
      {query.data && (
        <>
          <table className="alarm-history">
            <thead>
              <tr>
                <th scope="col">{t("limits.rule")}</th>
                <th scope="col">{t("limits.priority")}</th>
                <th scope="col">{t("limits.default")}</th>
                <th scope="col">{t("limits.unitLimit")}</th>
                <th scope="col">{t("limits.patientLimits")}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.rules.map((row) => (
                <tr key={row.ruleId} data-testid="alarm-limit-row" data-rule={row.ruleId}>
                  <th scope="row">{ruleName(row)}</th>
                  <td className={`alarm-priority--${row.priority}`}>{t(`priority.${row.priority}`)}</td>
                  <td>
                    {row.defaultValue} {unitOf(row)}
                    <br />
                    <small>{sourceLabel(row.source)}</small>
                  </td>
                  <td>{row.unitOverride ? version(row.unitOverride) : t("limits.none")}</td>
                  <td>
                    {row.episodes.length === 0
                      ? t("limits.none")
                      : row.episodes.map((e) => (
                          <div key={e.id}>
                            {t("limits.scopeBed", { label: e.bedLabel })}: {version(e)}
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {mayChange ? (
            <LimitForm
              unitId={unitId}
              rules={query.data.rules}
              episodes={query.data.episodes}
              ruleName={ruleName}
              unitOf={unitOf}
              onSaved={() => void queryClient.invalidateQueries({ queryKey: alarmKeys.limits(unitId) })}
            />
          ) : (
            <p>{t("limits.readOnly")}</p>
          )}
        </>
      )}
    </main>
  );
}

function LimitForm({
  unitId,
  rules,
  episodes,
  ruleName,
  unitOf,
  onSaved,
}: {
  readonly unitId: string;
  readonly rules: readonly TAlarmLimitRow[];
  readonly episodes: readonly { episodeId: string; bedLabel: string }[];
  readonly ruleName: (row: TAlarmLimitRow) => string;
  readonly unitOf: (row: TAlarmLimitRow) => string;
  readonly onSaved: () => void;
}) {
  const t = useTranslations("alarms.limits");
  const describe = useDescribeRequestError();
  const [ruleId, setRuleId] = useState(rules[0]?.ruleId ?? "");
  const [scope, setScope] = useState("unit");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ruleId,
      scope: scope === "unit" ? "unit" : "episode",
      ...(scope === "unit" ? {} : { episodeId: scope }),
      limits: value.trim() === "" ? null : { value: Number(value.replace(",", ".")) },
      reason,
    };
    try {
      const response = await sendRequest(`/api/units/${encodeURIComponent(unitId)}/alarm-limits`, { body });
      const answer = (await response.json().catch(() => ({}))) as { version?: number };
      setStatus(t("saved", { version: answer.version ?? 0 }));
      onSaved();
    } catch (error) {
      setStatus(t("failed", { message: describe(error) }));
    }
  };

  return (
    <form className="alarm-form" onSubmit={(e) => void submit(e)} data-testid="alarm-limit-form">
      <h2>{t("formTitle")}</h2>
      <label>
        {t("rule")}
        <select value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
          {rules.map((r) => (
            <option key={r.ruleId} value={r.ruleId}>
              {ruleName(r)} {r.defaultValue} {unitOf(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("scope")}
        <select value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="unit">{t("scopeUnit")}</option>
          {episodes.map((e) => (
            <option key={e.episodeId} value={e.episodeId}>
              {t("scopeBed", { label: e.bedLabel })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("value")}
        <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <label>
        {t("reason")}
        <input value={reason} minLength={3} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="alarm-form__actions">
        <button type="submit" className="alarm-button">
          {t("save")}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
