import { useLocale, useTranslations } from "next-intl";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { formatDelta, formatHandoverValue, parameterLabel, type THandoverData } from "@/lib/handover";
import type { TLocale } from "@/lib/i18n/locales";
import { AlarmsSection, RoundsSection, TimersSection } from "./HandoverShiftSections";
import { Time, type TWhen } from "./HandoverTime";
import { useCannulationSite } from "@/components/stays/use-cannulation-site";

/**
 * The generated part of a sheet (I-PASS "P" and what the nurse would otherwise copy by hand): the patient and
 * device, the settings and every change of the shift, labs at start and end, the shift's trends, alarms, rounds and
 * protocol timers. Read-only; every value carries its time. Printed as is (handover.css keeps it legible in black
 * and white: out-of-target values carry a word and a mark, not only a colour).
 */
export function HandoverDataSections({ data, timeZone }: { readonly data: THandoverData; readonly timeZone: string }) {
  const locale = useLocale();
  const when = (at: number) => formatDayTime(at, locale, timeZone);
  return (
    <>
      <PatientSummary data={data} when={when} />
      <SettingsSection data={data} when={when} locale={locale} />
      <LabsSection data={data} when={when} locale={locale} />
      <TrendsSection data={data} when={when} locale={locale} />
      <AlarmsSection data={data} when={when} />
      <RoundsSection data={data} when={when} locale={locale} />
      <TimersSection data={data} when={when} locale={locale} />
    </>
  );
}

function PatientSummary({ data, when }: { readonly data: THandoverData; readonly when: TWhen }) {
  const siteText = useCannulationSite();
  const t = useTranslations("handover");
  const { patient, episode } = data;
  return (
    <section className="handover-section" aria-labelledby="handover-patient" data-testid="handover-patient">
      <h2 id="handover-patient">{t("sections.patient")}</h2>
      <p className="handover-facts__identity" data-testid="handover-identity">
        {t("patient.identity", {
          initials: patient.initials,
          identifier: patient.identifier,
          age: patient.ageYears,
          sex: patient.sex,
        })}
        {patient.weightKg !== null && <> · {t("patient.weight", { weight: patient.weightKg })}</>}
      </p>
      <dl className="handover-facts">
        <dt>{t("patient.diagnosis")}</dt>
        <dd>{episode?.diagnosis ?? data.stay?.diagnosis ?? t("patient.unknown")}</dd>
        {data.stay && (
          <>
            <dt>{t("patient.admitted")}</dt>
            <dd data-testid="handover-admitted">{when(data.stay.admittedAt)}</dd>
          </>
        )}
        <dt>{t("patient.device")}</dt>
        {episode ? (
          <dd data-testid="handover-device">
            {t(`deviceType.${episode.deviceType}`)} —{" "}
            {t("patient.day", { day: episode.dayOnSupport, since: when(episode.startedAt) })}
          </dd>
        ) : (
          // A stay with no support running (not yet cannulated, or after removal): said, with the last support if any.
          <dd data-testid="handover-device" data-support="none">
            {t("patient.noSupport")}
            {data.stay?.lastSupport && (
              <>
                {" "}
                ·{" "}
                {t("patient.lastSupport", {
                  device: t(`deviceType.${data.stay.lastSupport.deviceType}`),
                  time: when(data.stay.lastSupport.endedAt),
                })}
              </>
            )}
          </dd>
        )}
        {episode && (
          <>
            <dt>{t("patient.cannulation")}</dt>
            <dd>{episode.cannulationSite ? siteText(episode.cannulationSite) : t("patient.unknown")}</dd>
          </>
        )}
        {episode?.trigger && (
          <>
            <dt>{t("patient.trigger")}</dt>
            <dd>{episode.trigger}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SettingsSection({
  data,
  when,
  locale,
}: {
  readonly data: THandoverData;
  readonly when: TWhen;
  readonly locale: TLocale;
}) {
  const t = useTranslations("handover");
  const value = (code: string, v: number) =>
    formatHandoverValue(code, v, locale) ?? (v >= 1 ? t("settings.pumping") : t("settings.stopped"));
  return (
    <section className="handover-section" aria-labelledby="handover-settings" data-testid="handover-settings">
      <h2 id="handover-settings">{t("sections.settings")}</h2>
      {!data.episode && (
        <p className="handover-muted" data-testid="handover-no-support">
          {t("settings.noSupport")}
        </p>
      )}
      <table className="handover-table">
        <caption className="visually-hidden">{t("settings.current")}</caption>
        <tbody>
          {data.settings.current.map((s) => (
            <tr key={s.code} data-testid={`handover-setting-${s.code}`}>
              <th scope="row">{parameterLabel(s.code, locale)}</th>
              <td className="handover-value">{value(s.code, s.value)}</td>
              <td className="handover-muted">{t("settings.at", { time: when(s.observedAt) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("settings.changes")}</h3>
      {data.settings.changes.length === 0 ? (
        <p className="handover-muted" data-testid="handover-no-setting-change">
          {t("settings.noChange")}
        </p>
      ) : (
        <ul className="handover-list" data-testid="handover-setting-changes">
          {data.settings.changes.map((c) => (
            <li key={`${c.code}-${c.at}`}>
              <Time at={c.at} when={when} /> — {parameterLabel(c.code, locale)}{" "}
              {t("settings.change", { from: value(c.code, c.from), to: value(c.code, c.to) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OutMark({ status }: { readonly status: "in" | "low" | "high" | "none" }) {
  const t = useTranslations("handover");
  if (status !== "low" && status !== "high") return null;
  return (
    <span className="handover-flag">
      <span aria-hidden="true">{status === "low" ? "▼" : "▲"}</span> {t(`targetStatus.${status}`)}
    </span>
  );
}

function LabsSection({
  data,
  when,
  locale,
}: {
  readonly data: THandoverData;
  readonly when: TWhen;
  readonly locale: TLocale;
}) {
  const t = useTranslations("handover");
  return (
    <section className="handover-section" aria-labelledby="handover-labs" data-testid="handover-labs">
      <h2 id="handover-labs">{t("sections.labs")}</h2>
      <table className="handover-table">
        <thead>
          <tr>
            <th scope="col">{t("labs.lab")}</th>
            <th scope="col">{t("labs.start")}</th>
            <th scope="col">{t("labs.end")}</th>
            <th scope="col">{t("labs.delta")}</th>
            <th scope="col">{t("labs.samples")}</th>
          </tr>
        </thead>
        <tbody>
          {data.labs.map((lab) => (
            <tr key={lab.code} data-testid={`handover-lab-${lab.code}`} data-end-status={lab.end?.status ?? "none"}>
              <th scope="row">{parameterLabel(lab.code, locale)}</th>
              <td>
                {lab.start ? (
                  <>
                    <span className="handover-value">
                      {formatHandoverValue(lab.code, lab.start.value, locale, lab.start.comparator)}
                    </span>{" "}
                    <CorrectedMark corrected={lab.start.corrected} />
                    <OutMark status={lab.start.status} />
                    <br />
                    <span className="handover-muted">
                      <Time at={lab.start.observedAt} when={when} />
                    </span>
                  </>
                ) : (
                  <span className="handover-muted">{t("labs.none")}</span>
                )}
              </td>
              <td>
                {lab.end && lab.samplesInShift > 0 ? (
                  <>
                    <span className="handover-value">
                      {formatHandoverValue(lab.code, lab.end.value, locale, lab.end.comparator)}
                    </span>{" "}
                    <CorrectedMark corrected={lab.end.corrected} />
                    <OutMark status={lab.end.status} />
                    <br />
                    <span className="handover-muted">
                      <Time at={lab.end.observedAt} when={when} />
                    </span>
                  </>
                ) : (
                  <span className="handover-muted">{t("labs.noNew")}</span>
                )}
              </td>
              <td data-testid={`handover-lab-delta-${lab.code}`}>
                {lab.delta === null ? "—" : formatDelta(lab.code, lab.delta, locale)}
              </td>
              <td>{lab.samplesInShift}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TrendsSection({
  data,
  when,
  locale,
}: {
  readonly data: THandoverData;
  readonly when: TWhen;
  readonly locale: TLocale;
}) {
  const t = useTranslations("handover");
  const v = (code: string, x: number | null) =>
    x === null ? "—" : (formatHandoverValue(code, x, locale) ?? String(x));
  return (
    <section className="handover-section" aria-labelledby="handover-trends" data-testid="handover-trends">
      <h2 id="handover-trends">{t("sections.trends")}</h2>
      <table className="handover-table">
        <thead>
          <tr>
            <th scope="col">{t("trends.value")}</th>
            <th scope="col">{t("trends.first")}</th>
            <th scope="col">{t("trends.last")}</th>
            <th scope="col">{t("trends.range")}</th>
            <th scope="col">{t("trends.count")}</th>
          </tr>
        </thead>
        <tbody>
          {data.trends.map((tr) => (
            <tr key={tr.code}>
              <th scope="row">{parameterLabel(tr.code, locale)}</th>
              {tr.count === 0 ? (
                <td colSpan={4} className="handover-muted">
                  {t("trends.none")}
                </td>
              ) : (
                <>
                  <td>
                    {v(tr.code, tr.first?.value ?? null)}{" "}
                    {tr.first && <span className="handover-muted">({when(tr.first.observedAt)})</span>}
                  </td>
                  <td>
                    {v(tr.code, tr.last?.value ?? null)}{" "}
                    {tr.last && <span className="handover-muted">({when(tr.last.observedAt)})</span>}
                  </td>
                  <td>
                    {v(tr.code, tr.min)} – {v(tr.code, tr.max)}
                  </td>
                  <td>{tr.count}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A correction the laboratory sent, said on the sheet as on the bed (labResults.status.corrected). */
function CorrectedMark({ corrected }: { corrected: boolean | undefined }) {
  const t = useTranslations("labResults.status");
  return corrected ? (
    <>
      <span className="handover-corrected" data-testid="handover-lab-corrected">
        {t("corrected")}
      </span>{" "}
    </>
  ) : null;
}
