"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { bedKeys, stationKeys, stayKeys } from "@/lib/client/query-keys";
import { getSocket } from "@/lib/client/socket";
import { fetchBedStay } from "@/lib/client/stays-api";
import type { TStayChanged } from "@/lib/realtime/events";
import { AdmitForm } from "./AdmitForm";
import { OccupiedStay } from "./OccupiedStay";

/**
 * The bed page's stay panel (issue 15): a free bed's admission form; an occupied bed's patient with move and
 * discharge; start, settings and end of support. Each action is one POST whose operation commits, audits and tells
 * every screen (stay:changed); this panel, the bed's detail and the station read again on that notice.
 */
export function StayPanel({ bedId, timeZone }: { readonly bedId: string; readonly timeZone: string }) {
  const t = useTranslations("stays");
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: stayKeys.bed(bedId), queryFn: () => fetchBedStay(bedId) });
  useEffect(() => {
    const socket = getSocket();
    const changed = (payload: TStayChanged) => {
      if (payload.bedId !== bedId) return;
      void queryClient.invalidateQueries({ queryKey: stayKeys.bed(bedId) });
      void queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) });
      // Support started or ended: the trends' scope changed (the episode's, or the stay's), so do their series.
      void queryClient.invalidateQueries({ queryKey: bedKeys.seriesOf(bedId) });
    };
    socket.on("stay:changed", changed);
    return () => {
      socket.off("stay:changed", changed);
    };
  }, [bedId, queryClient]);
  const data = query.data;
  if (!data) return null;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: stayKeys.all });
    void queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) });
    void queryClient.invalidateQueries({ queryKey: bedKeys.seriesOf(bedId) });
    void queryClient.invalidateQueries({ queryKey: stationKeys.all });
  };
  return (
    <section className="panel stay-panel" aria-labelledby="stay-title" data-testid="stay-panel">
      <h2 className="panel__title" id="stay-title">
        {t("panelTitle")}
      </h2>
      {data.stay === null ? (
        <AdmitForm data={data} onDone={refresh} timeZone={timeZone} />
      ) : (
        <OccupiedStay data={data} stay={data.stay} timeZone={timeZone} onDone={refresh} />
      )}
    </section>
  );
}
