"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { RoundStatusProvider } from "@/components/rounds/RoundStatusProvider";
import { ProtocolStatusProvider } from "@/components/protocols/ProtocolStatusProvider";
import { RoundsLink } from "@/components/rounds/RoundsLink";
import { ArchiveLink } from "@/components/stays/ArchiveLink";
import { Notice } from "@/components/ui/Notice";
import { AlarmPanel } from "@/components/alarms/AlarmPanel";
import { prepareTileAlarms } from "@/lib/alarms/prepare-alarms";
import { useUnitAlarms } from "@/lib/client/use-unit-alarms";
import { useConnection, useServerNow } from "@/lib/client/use-connection";
import { useStation, type TUseStation } from "@/lib/client/use-station";
import { prepareTile } from "@/lib/station/prepare-tile";
import { BedGrid } from "./BedGrid";
import { ConnectionBanner } from "./ConnectionBanner";
import { UnitLegend } from "./UnitLegend";
import { StationHeader } from "./StationHeader";
import "./station.css";
import { chooseDensity, unitLegend } from "@/lib/station/tile-density";

/** Until the snapshot names the unit's zone, the clock uses the browser's: the screen sits in the unit anyway. */
const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The central station wall screen of one unit: every bed's key values, live, with their age and freshness. */
export function CentralStation({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("station");
  const locale = useLocale();
  const { station, status, error, catchUpFailing } = useStation(unitId);
  const connection = useConnection();
  const now = useServerNow();
  const timeZone = station?.unit.timeZone ?? BROWSER_TIME_ZONE;
  const { alarms } = useUnitAlarms(unitId);
  const tileAlarms = useMemo(() => prepareTileAlarms(alarms?.alarms ?? []), [alarms]);
  // Keyed on the beds themselves, not the station (which changes with every reading): the alarm list redraws only
  // when its alarms or the beds change.
  const bedKey = (station?.beds ?? []).map((bed) => `${bed.bedId}\u0000${bed.label}`).join("\u0001");
  const bedLabels = useMemo(
    () =>
      new Map(bedKey === "" ? [] : bedKey.split("\u0001").map((entry) => entry.split("\u0000") as [string, string])),
    [bedKey],
  );

  const tiles = useMemo(() => {
    if (!station) return [];
    // Before the screen has a clock of its own, the snapshot's read time stands for "now".
    const at = now ?? station.serverTime;
    return [...station.beds]
      .sort((a, b) => a.position - b.position)
      .map((bed) => prepareTile({ bed, locale, now: at }));
  }, [station, locale, now]);

  return (
    <div className="station" data-connection={connection.state}>
      <StationHeader
        unitName={station?.unit.name ?? null}
        now={now}
        timeZone={timeZone}
        connection={connection.state}
        unitId={unitId}
        actions={
          <>
            <RoundsLink unitId={unitId} />
            <ArchiveLink unitId={unitId} />
          </>
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
      <main className="station__main station__main--with-alarms">
        {station ? (
          tiles.length > 0 ? (
            <RoundStatusProvider unitId={unitId} now={now}>
              <ProtocolStatusProvider unitId={unitId} now={now}>
                <BedGrid tiles={tiles} unitName={station.unit.name} timeZone={timeZone} alarms={tileAlarms} now={now} />
              </ProtocolStatusProvider>
            </RoundStatusProvider>
          ) : (
            <Notice title={t("noBeds")} />
          )
        ) : (
          <LoadState status={status} error={error} />
        )}
        <AlarmPanel unitId={unitId} alarms={alarms} bedLabels={bedLabels} timeZone={timeZone} now={now} />
      </main>
      <footer className="station__footer">
        <span data-testid="primary-alarm-source">{t("primaryAlarmSource")}</span>
        <UnitLegend entries={unitLegend(tiles, chooseDensity(tiles.length))} />
      </footer>
    </div>
  );
}

function LoadState({ status, error }: Pick<TUseStation, "status" | "error">) {
  const t = useTranslations("station");
  if (error === null || status === "success") return <Notice title={t("loading")} testId="station-loading" />;
  if (error?.code === "NOT_FOUND") {
    return (
      <Notice title={t("notFound")} testId="station-error">
        <p>{t("notFoundHint")}</p>
        <Link href="/">{t("backHome")}</Link>
      </Notice>
    );
  }
  if (error?.code === "INVALID_RESPONSE") {
    return (
      <Notice title={t("invalid")} testId="station-error">
        <p>{t("invalidHint")}</p>
      </Notice>
    );
  }
  return (
    <Notice title={t("unavailable")} testId="station-error">
      <p>{t("unavailableHint")}</p>
    </Notice>
  );
}
