import { useLocale, useTranslations } from "next-intl";
import { TargetMark } from "@/components/ui/TargetMark";
import { formatDayTime } from "@/lib/bed/format-date-time";
import type { TLabsPanel } from "@/lib/bed/prepare-labs";
import type { TLactateClearance } from "@/lib/scores/lactate-clearance";
import { SCORE_SOURCES } from "@/lib/scores/sources";
import { formatNumber } from "@/lib/station/prepare-tile";
import { ReadingAge } from "./ReadingAge";
import { useSourceLabel } from "@/components/ui/use-source-label";

/** Latest labs with their sample time, age, change and target in force, then what the lab history computes. */
export function LabsPanel({ labs, timeZone }: { readonly labs: TLabsPanel; readonly timeZone: string }) {
  const t = useTranslations("bed.labs");
  const sourceLabel = useSourceLabel();
  const tr = useTranslations("labResults");
  const locale = useLocale();
  const hours = (ms: number) => formatNumber(ms / 3_600_000, 0, locale);
  return (
    <section className="panel labs-panel" aria-labelledby="labs-panel-title" data-testid="labs-panel">
      <h2 className="panel__title" id="labs-panel-title">
        {t("title")}
      </h2>
      <table className="labs">
        <thead>
          <tr>
            <th scope="col">{t("lab")}</th>
            <th scope="col">{t("value")}</th>
            <th scope="col">
              {/* A tablet's panel is too narrow for the words: "Δ" shows, the words stay for screen readers. */}
              <span className="labs__wide">{t("delta")}</span>
              <span className="labs__narrow" aria-hidden="true">
                Δ
              </span>
            </th>
            <th scope="col">{t("target")}</th>
          </tr>
        </thead>
        <tbody>
          {labs.rows.map((row) => [
            <tr
              key={row.code}
              className={`${row.status === "low" || row.status === "high" ? "labs__row--out" : ""}${row.stale ? " labs__row--stale" : ""}`}
              data-testid={`lab-${row.code}`}
              data-status={row.status}
              data-stale={row.stale}
            >
              <th scope="row">
                {row.label}
                <span className="labs__unit">{row.unit}</span>
              </th>
              <td>
                <span className="labs__value">
                  {row.text ?? <span className="labs__missing">{t("noSample")}</span>}
                  <TargetMark status={row.status} />
                </span>
                {row.observedAt !== null && (
                  <span className="labs__sampled">
                    <time dateTime={new Date(row.observedAt).toISOString()}>
                      {formatDayTime(row.observedAt, locale, timeZone)}
                    </time>
                    {" · "}
                    <ReadingAge age={row.age} testId={`lab-age-${row.code}`} />
                  </span>
                )}
                {row.stale && <span className="labs__overdue">{t("overdue")}</span>}
                {row.resultStatus && (
                  <span
                    className={`result-status result-status--${row.resultStatus}`}
                    data-testid={`lab-result-status-${row.code}`}
                    title={tr(`statusHint.${row.resultStatus}`)}
                  >
                    {tr(`status.${row.resultStatus}`)}
                  </span>
                )}
                {row.replaced.length > 0 && (
                  <ul className="lab-history" aria-label={tr("history.title")} data-testid={`lab-history-${row.code}`}>
                    {row.replaced.map((r) => (
                      <li key={r.seq}>
                        {tr(`history.${r.how}`, {
                          value: r.text,
                          time: formatDayTime(r.observedAt, locale, timeZone),
                          next: r.next ?? "",
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {row.delta && (
                  <span title={t("previousAt", { time: formatDayTime(row.delta.previousAt, locale, timeZone) })}>
                    {row.delta.text}{" "}
                    <span aria-hidden="true">
                      {row.delta.direction === "up" ? "↑" : row.delta.direction === "down" ? "↓" : "→"}
                    </span>
                  </span>
                )}
              </td>
              <td className="labs__target" title={row.targetSource ? sourceLabel(row.targetSource) : undefined}>
                {row.targetText ? <span className="labs__target-text">{row.targetText}</span> : t("noTarget")}
                {row.targetSource && <span className="labs__source">{sourceLabel(row.targetSource)}</span>}
              </td>
            </tr>,
            // On a tablet the target's source gets the row's whole width below it: in a quarter of the panel its
            // words broke anywhere ("Recommanda|tions"). Hidden on wider panels; the cell's copy is what is read aloud.
            row.targetSource && (
              <tr key={`${row.code}-source`} className="labs__source-row" aria-hidden="true">
                <td colSpan={4}>{sourceLabel(row.targetSource)}</td>
              </tr>
            ),
          ])}
        </tbody>
      </table>

      <dl className="derived">
        <div className="derived__item" data-testid="lactate-clearance">
          <dt>{t("clearance")}</dt>
          <dd>
            <Clearance label={t("clearance6h")} value={labs.clearance6h} />
            <Clearance label={t("clearance24h")} value={labs.clearance24h} />
            {labs.clearanceFromCannulation && (
              <span className={labs.clearanceFromCannulation.poorPrognosis ? "derived__flag" : undefined}>
                <Clearance label={t("clearanceCannulation")} value={labs.clearanceFromCannulation} />
                {labs.clearanceFromCannulation.poorPrognosis && <> ▲ {t("poorPrognosis")}</>}
              </span>
            )}
            <span className="derived__source">{sourceLabel(SCORE_SOURCES.lactateClearance)}</span>
          </dd>
        </div>
        {labs.antiXa && (
          <div className="derived__item" data-testid="anti-xa-ttr">
            <dt>{t("ttr", { range: labs.antiXa.targetText ?? "" })}</dt>
            <dd>
              {labs.antiXa.ttr ? (
                <span>
                  <strong>{formatNumber(labs.antiXa.ttr.pct, 0, locale)} %</strong>{" "}
                  {t("ttrOver", { hours: hours(labs.antiXa.ttr.totalMs), samples: labs.antiXa.ttr.samples })}
                </span>
              ) : (
                <span>{t("ttrNone")}</span>
              )}
              <span className="derived__source">
                {t("ttrMethod")} — {sourceLabel(SCORE_SOURCES.rosendaal)}
              </span>
            </dd>
          </div>
        )}
        <div
          className={`derived__item${labs.plateletFall?.screen ? " derived__item--flag" : ""}`}
          data-testid="platelet-fall"
          data-screen={labs.plateletFall?.screen ?? "none"}
        >
          <dt>{t("plateletFall")}</dt>
          <dd>
            {labs.plateletFall ? (
              <span>
                <strong>{formatNumber(Math.max(0, labs.plateletFall.fallPct), 0, locale)} %</strong>{" "}
                {t("plateletFallDetail", {
                  peak: formatNumber(labs.plateletFall.peak.v, 0, locale),
                  peakAt: formatDayTime(labs.plateletFall.peak.t, locale, timeZone),
                  latest: formatNumber(labs.plateletFall.latest.v, 0, locale),
                  day: formatNumber(labs.plateletFall.latestDay, 1, locale),
                })}
              </span>
            ) : (
              <span>{t("plateletFallNone")}</span>
            )}
            {labs.plateletFall?.screen && (
              <span className="derived__flag" role="status">
                ▲ {t(labs.plateletFall.screen === "fall50" ? "screenFall50" : "screenFall30")}
              </span>
            )}
            <span className="derived__source">{sourceLabel(SCORE_SOURCES.hit)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Clearance({ label, value }: { readonly label: string; readonly value: TLactateClearance | null }) {
  const t = useTranslations("bed.labs");
  const locale = useLocale();
  return (
    <span className="derived__line">
      {label}{" "}
      {value ? (
        <>
          <strong>{formatNumber(value.pct, 0, locale)} %</strong>{" "}
          <span className="derived__detail">
            {t("clearanceFrom", { l0: formatNumber(value.l0.v, 1, locale), lt: formatNumber(value.lt.v, 1, locale) })}
          </span>
        </>
      ) : (
        <span className="derived__detail">{t("clearanceNone")}</span>
      )}
    </span>
  );
}
