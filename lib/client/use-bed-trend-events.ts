"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { bedTrendEventsUrl, ZBedTrendEvents, type TBedTrendEvents } from "@/lib/bed/bed-trend-events";
import { mergeTrendAlarms, type TTrendOwner } from "@/lib/bed/merge-trend-alarms";
import type { TAlarmsChanged, TRoundChanged } from "@/lib/realtime/events";
import { bedKeys, type TSeriesWindowKey } from "./query-keys";
import { getSocket } from "./socket";
import { getJson, type BedLoadError } from "./use-bed";

/**
 * The alarms and rounds of a bed's trend window, kept current by the socket: an alarm raised or changed is folded
 * into every cached window of the bed (alarm:changed carries the alarm as it is now); a round signed or amended, or
 * a reconnection (messages may have been missed: the database is the truth), reads the bed's windows again.
 */
export function useBedTrendEvents({
  bedId,
  episodeId,
  stayId,
  windowKey,
  from,
  to,
}: {
  bedId: string;
  /** The running episode; null when no support runs. */
  episodeId: string | null;
  /** The open stay, whose events are marked when no support runs; null for an empty bed (nothing to mark). */
  stayId: string | null;
  windowKey: TSeriesWindowKey;
  from: number;
  to: number | undefined;
}) {
  const queryClient = useQueryClient();
  const query = useQuery<TBedTrendEvents, BedLoadError>({
    queryKey: bedKeys.events(bedId, windowKey),
    queryFn: ({ signal }) => getJson(bedTrendEventsUrl(bedId, { from, to }), ZBedTrendEvents, signal),
    enabled: episodeId !== null || stayId !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    refetchOnReconnect: false,
  });
  useEffect(() => {
    const owner: TTrendOwner | null = episodeId ? { episodeId } : stayId ? { stayId } : null;
    if (owner === null) return;
    const socket = getSocket();
    const onAlarms = (payload: TAlarmsChanged) => {
      if (!payload.alarms.some((a) => a.bedId === bedId)) return;
      for (const [key, data] of queryClient.getQueriesData<TBedTrendEvents>({ queryKey: bedKeys.eventsOf(bedId) })) {
        if (!data) continue;
        const live = (key[3] as TSeriesWindowKey | undefined)?.kind === "live";
        queryClient.setQueryData(key, mergeTrendAlarms(data, payload.alarms, { bedId, owner, live }));
      }
    };
    const onRound = (payload: TRoundChanged) => {
      if (payload.bedId === bedId) void queryClient.invalidateQueries({ queryKey: bedKeys.eventsOf(bedId) });
    };
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: bedKeys.eventsOf(bedId) });
    socket.on("alarm:changed", onAlarms);
    socket.on("round:signed", onRound);
    socket.on("round:amended", onRound);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("alarm:changed", onAlarms);
      socket.off("round:signed", onRound);
      socket.off("round:amended", onRound);
      socket.io.off("reconnect", onReconnect);
    };
  }, [bedId, episodeId, stayId, queryClient]);
  return query;
}
