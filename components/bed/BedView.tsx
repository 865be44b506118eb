"use client";

import { StayPanel } from "@/components/stays/StayPanel";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ConnectionBanner } from "@/components/station/ConnectionBanner";
import { ProtocolPanel } from "@/components/protocols/ProtocolPanel";
import { Notice } from "@/components/ui/Notice";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import type { TPackedTrends } from "@/lib/bed/pack-trends";
import { prepareDevicePanel, prepareStayPanel } from "@/lib/bed/prepare-device-panel";
import { prepareLabsPanel } from "@/lib/bed/prepare-labs";
import { useConnection, useServerNow } from "@/lib/client/use-connection";
import { useBed, type TUseBed } from "@/lib/client/use-bed";
import { BedHeader } from "./BedHeader";
import { DevicePanel } from "./DevicePanel";
import { FourTsForm } from "./FourTsForm";
import { LabsPanel } from "./LabsPanel";
import { LabRefusals } from "./LabRefusals";
import { SaveScoreCard, SaveSummary } from "./SaveScoreCard";
import { ScaiCard } from "./ScaiCard";
import { TrendsPanel } from "./TrendsPanel";
import "../station/station.css";
import "./bed.css";

/**
 * One bed, for the physician and the nurse: header, device panel, labs, scores and trends, live. A patient admitted
 * with no support running gets the same page keyed by the stay: its values, labs, SCAI, protocol timers and trends,
 * no device section (issue 15); the stay panel offers to start support. The detail and the
 * series come from react-query caches that the bed's socket sync keeps current (lib/client/bed-sync.ts); this
 * component prepares nothing itself beyond calling the pure prepare functions with the server's time.
 */
export function BedView({
  bedId,
  initialDetail,
  initialTrends,
}: {
  readonly bedId: string;
  readonly initialDetail?: TBedDetail;
  /** The default window's series, read by the server with the page (packed): the trends hydrate drawn. */
  readonly initialTrends?: TPackedTrends;
}) {
  const t = useTranslations("bed");
  const locale = useLocale();
  const { detail, status, error, catchUpFailing } = useBed(bedId, initialDetail);
  const connection = useConnection();
  const now = useServerNow();
  const at = now ?? detail?.serverTime ?? 0;
  const timeZone = detail?.bed.timeZone ?? "UTC";

  // With no support running, the stay's values in the same panel (issue 15): no device section.
  const device = useMemo(
    () => (detail ? (prepareDevicePanel(detail, locale, at) ?? prepareStayPanel(detail, locale, at)) : null),
    [detail, locale, at],
  );
  const labs = useMemo(() => (detail ? prepareLabsPanel(detail, locale, at) : null), [detail, locale, at]);

  if (!detail) return <LoadState status={status} error={error} />;
  return (
    <div className="bed" data-connection={connection.state} data-testid="bed-view" data-bed-id={bedId}>
      <BedHeader
        detail={detail}
        now={now}
        connection={connection.state}
        saveSummary={
          detail.episode && detail.episode.deviceType !== "IABP" ? (
            <SaveSummary stored={detail.episode.saveScore} />
          ) : null
        }
      />
      <ConnectionBanner
        state={connection.state}
        notLiveSince={connection.notLiveSince}
        timeZone={timeZone}
        refused={connection.refused}
        onReconnect={connection.reconnect}
      />
      {catchUpFailing && (
        <p className="catch-up-warning" role="status" data-testid="catch-up-warning">
          {t("catchUpFailing")}
        </p>
      )}
      <StayPanel bedId={bedId} timeZone={timeZone} />
      {device === null || labs === null ? (
        <Notice title={t("empty")} testId="bed-empty">
          <Link href={`/station/${encodeURIComponent(detail.bed.unitId)}`}>{detail.bed.unitName}</Link>
        </Notice>
      ) : (
        <main className="bed__main">
          <div className="bed__side">
            <DevicePanel panel={device} timeZone={timeZone} />
            <LabRefusals
              unitId={detail.bed.unitId}
              bedId={detail.bed.id}
              refusals={detail.labRefusals ?? []}
              timeZone={timeZone}
            />
            <LabsPanel labs={labs} timeZone={timeZone} />
            <ProtocolPanel bedId={bedId} now={now} timeZone={timeZone} />
            <section className="panel" aria-labelledby="scores-title" data-testid="scores-panel">
              <h2 className="panel__title" id="scores-title">
                {t("scoresTitle")}
              </h2>
              {detail.episode && <SaveScoreCard detail={detail} />}
              <ScaiCard scai={labs.scai} timeZone={timeZone} />
              {/* The 4Ts screen is recorded with a support episode (heparin runs with it): none without one. */}
              {detail.episode && (
                <FourTsForm
                  key={JSON.stringify(labs.fourTs)}
                  bedId={bedId}
                  prefill={labs.fourTs}
                  suggested={labs.plateletFall?.screen != null}
                  screens={detail.episode.fourTs}
                  timeZone={timeZone}
                />
              )}
            </section>
          </div>
          <TrendsPanel detail={detail} timeZone={timeZone} initialTrends={initialTrends} />
        </main>
      )}
      <footer className="bed__footer">{t("primaryAlarmSource")}</footer>
    </div>
  );
}

function LoadState({ status, error }: Pick<TUseBed, "status" | "error">) {
  const t = useTranslations("bed");
  if (error === null || status === "success") return <Notice title={t("loading")} testId="bed-loading" />;
  if (error.code === "NOT_FOUND") {
    return (
      <Notice title={t("notFound")} testId="bed-error">
        <p>{t("notFoundHint")}</p>
        <Link href="/">{t("home")}</Link>
      </Notice>
    );
  }
  return (
    <Notice title={error.code === "INVALID_RESPONSE" ? t("invalid") : t("unavailable")} testId="bed-error">
      <p>{error.code === "INVALID_RESPONSE" ? t("invalidHint") : t("unavailableHint")}</p>
    </Notice>
  );
}
