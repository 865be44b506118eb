import { useLocale, useTranslations } from "next-intl";
import { formatDuration } from "@/lib/bed/describe-reading-age";
import { formatDayTime, formatHourMinute } from "@/lib/bed/format-date-time";
import type { TDevicePanel, TEcmoPanel, TIabpPanel } from "@/lib/bed/prepare-device-panel";
import { formatNumber } from "@/lib/station/prepare-tile";
import { PanelValue } from "./PanelValue";
import { ReadingAge } from "./ReadingAge";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The device panel: circuit or balloon values with their ages, and what they mean together. Draws only. */
export function DevicePanel({ panel, timeZone }: { readonly panel: TDevicePanel; readonly timeZone: string }) {
  const t = useTranslations("bed.device");
  return (
    <section className="panel" aria-labelledby="device-panel-title" data-testid="device-panel">
      <h2 className="panel__title" id="device-panel-title">
        {/* A stay with no support running has no device: its panel is the patient's values alone (issue 15). */}
        {panel.ecmo || panel.iabp ? t("title") : t("stayTitle")}
      </h2>
      {panel.ecmo && <EcmoSection ecmo={panel.ecmo} timeZone={timeZone} />}
      {panel.iabp && <IabpSection iabp={panel.iabp} timeZone={timeZone} />}
      {(panel.ecmo || panel.iabp) && <h3 className="panel__subtitle">{t("patient")}</h3>}
      <dl className="pv-grid">
        {panel.common.map((value) => (
          <PanelValue key={value.code} value={value} timeZone={timeZone} />
        ))}
      </dl>
    </section>
  );
}

function EcmoSection({ ecmo, timeZone }: { readonly ecmo: TEcmoPanel; readonly timeZone: string }) {
  const t = useTranslations("bed.device");
  const locale = useLocale();
  const { dpFlow, nirs } = ecmo;
  const comparison = dpFlow?.comparison ?? null;
  return (
    <>
      <h3 className="panel__subtitle panel__subtitle--ecmo">{t("ecmo")}</h3>
      <dl className="pv-grid">
        {ecmo.values.map((value) => (
          <PanelValue key={value.code} value={value} timeZone={timeZone} />
        ))}
        <div
          className={`pv pv--wide${comparison?.flagged ? " pv--out" : ""}`}
          data-testid="panel-dp-flow"
          data-flagged={comparison?.flagged ?? false}
        >
          <dt className="pv__label">
            {t("dpFlow")}
            <span className="pv__unit">{t("dpFlowUnit")}</span>
          </dt>
          <dd className="pv__value">
            {comparison ? (
              <>
                <span className="pv__number">{formatNumber(comparison.current, 1, locale)}</span>
                <span className="pv__detail">
                  {t("dpFlowBaseline", {
                    baseline: formatNumber(comparison.baseline, 1, locale),
                    change: `${comparison.changePct >= 0 ? "+" : "−"}${formatNumber(Math.abs(comparison.changePct), 0, locale)}`,
                  })}
                </span>
                {comparison.flagged && <span className="pv__flag">▲ {t("dpFlowFlag")}</span>}
              </>
            ) : (
              <span className="pv__number pv__number--missing">{t("dpFlowNone")}</span>
            )}
            {dpFlow && !dpFlow.baselineComplete && (
              <span className="pv__detail">
                {t("dpFlowForming", { time: formatDayTime(dpFlow.baselineFrom, locale, timeZone) })}
              </span>
            )}
          </dd>
        </div>
        <PanelValue value={nirs.left} timeZone={timeZone} />
        <PanelValue value={nirs.right} timeZone={timeZone} />
        <div
          className={`pv${nirs.flagged ? " pv--out" : ""}`}
          data-testid="panel-nirs-difference"
          data-flagged={nirs.flagged}
        >
          <dt className="pv__label">
            {t("nirsDifference")}
            <span className="pv__unit">{t("points")}</span>
          </dt>
          <dd className="pv__value">
            <span className={`pv__number${nirs.difference === null ? " pv__number--missing" : ""}`}>
              {nirs.difference === null ? "—" : formatNumber(nirs.difference, 0, locale)}
            </span>
            {nirs.flagged && <span className="pv__flag">▲ {t("nirsFlag", { limit: nirs.flagFrom })}</span>}
          </dd>
        </div>
        <PanelValue value={ecmo.dpc} timeZone={timeZone} />
      </dl>
    </>
  );
}

function IabpSection({ iabp, timeZone }: { readonly iabp: TIabpPanel; readonly timeZone: string }) {
  const t = useTranslations("bed.device");
  const locale = useLocale();
  const { pumping, weaning } = iabp;
  return (
    <>
      <h3 className="panel__subtitle panel__subtitle--iabp">{t("iabp")}</h3>
      <dl className="pv-grid">
        <div className="pv" data-testid="panel-iabp_ratio">
          <dt className="pv__label">{t("ratio")}</dt>
          <dd className="pv__value">
            <span className={`pv__number${iabp.ratioText === null ? " pv__number--missing" : ""}`}>
              {iabp.ratioText ?? "—"}
            </span>
            <ReadingAge age={iabp.ratio.age} />
            {iabp.trigger && <span className="pv__detail">{t("trigger", { trigger: iabp.trigger })}</span>}
          </dd>
        </div>
        <div
          className={`pv pv--wide${pumping.on === false ? " pv--out" : ""}`}
          data-testid="panel-iabp_pumping"
          data-pumping={pumping.on === null ? "unknown" : String(pumping.on)}
        >
          <dt className="pv__label">{t("pumping")}</dt>
          <dd className="pv__value">
            <span className="pv__number pv__number--word">
              {pumping.on === null ? "—" : pumping.on ? t("pumpingOn") : t("pumpingStopped")}
            </span>
            {pumping.stoppedSince !== null && pumping.stoppedForMs !== null && (
              <span className="pv__timer" data-testid="pump-stopped-timer">
                {t("stoppedFor", {
                  duration: formatDuration(pumping.stoppedForMs),
                  time: formatHourMinute(pumping.stoppedSince, locale, timeZone),
                })}
              </span>
            )}
            {pumping.overLimit && (
              <span className="pv__flag">▲ {t("stoppedOverLimit", { minutes: pumping.limitMs / MINUTE })}</span>
            )}
            <ReadingAge age={pumping.age} />
          </dd>
        </div>
        <div
          className={`pv pv--wide${iabp.augmentationOk === false ? " pv--out" : ""}`}
          data-testid="panel-augmentation"
        >
          <dt className="pv__label">
            {t("augVsSys")}
            <span className="pv__unit">mmHg</span>
          </dt>
          <dd className="pv__value">
            <span className="pv__number">{iabp.aug.text ?? "—"}</span>
            <span className="pv__sep">/</span>
            <span className="pv__number">{iabp.sys.text ?? "—"}</span>
            {iabp.augmentationOk !== null && (
              <span className="pv__detail">{iabp.augmentationOk ? t("augOk") : `▼ ${t("augLow")}`}</span>
            )}
            <ReadingAge age={iabp.aug.age} />
          </dd>
        </div>
        <PanelValue value={iabp.baedp} timeZone={timeZone} />
        <PanelValue value={iabp.helium} timeZone={timeZone} />
        <div className="pv pv--wide" data-testid="panel-weaning">
          <dt className="pv__label">{t("weaning")}</dt>
          <dd className="pv__value">
            {weaning ? (
              <span className="pv__detail">
                {t("weaningStep", {
                  ratio: `1:${weaning.ratio}`,
                  time: formatHourMinute(weaning.since, locale, timeZone),
                })}{" "}
                {t("weaningReview", {
                  from: formatHourMinute(weaning.reviewFrom, locale, timeZone),
                  by: formatHourMinute(weaning.reviewBy, locale, timeZone),
                  // The protocol's 1–6 h per step, as the prepared review window spells it.
                  min: (weaning.reviewFrom - weaning.since) / HOUR,
                  max: (weaning.reviewBy - weaning.since) / HOUR,
                })}
              </span>
            ) : (
              <span className="pv__detail">{t("weaningNone")}</span>
            )}
          </dd>
        </div>
      </dl>
    </>
  );
}
