"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TUnitAlarms } from "@/lib/alarms/alarm-dto";
import { mergeAlarms } from "@/lib/alarms/prepare-alarms";
import type { TAlarmReplayAnswer, TAlarmsChanged } from "@/lib/realtime/events";
import { fetchUnitAlarms } from "./alarms-api";
import { alarmKeys } from "./query-keys";
import { getSocket } from "./socket";

const REPLAY_TIMEOUT_MS = 10_000;
/** Read again now and then: a belt to the socket's braces, as for the station's snapshot. */
const SNAPSHOT_REFRESH_MS = 2 * 60_000;

/**
 * A unit's open alarms, kept current like the station's readings: the snapshot over HTTP, then on every socket
 * connect a replay of the alarms changed after the last alarm seq applied, and live `alarm:changed` events, all
 * merged into the same cache entry (the newer copy of an alarm wins, so order does not matter). The seq only
 * advances from live events once this connection's replay has answered: nothing between can be skipped.
 */
export function useUnitAlarms(unitId: string) {
  const queryClient = useQueryClient();
  const query = useQuery<TUnitAlarms, Error>({
    queryKey: alarmKeys.unit(unitId),
    queryFn: ({ signal }) => fetchUnitAlarms(unitId, signal),
    staleTime: Infinity,
    refetchInterval: SNAPSHOT_REFRESH_MS,
    refetchOnWindowFocus: false,
    retry: true,
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 30_000),
  });
  const loaded = query.data !== undefined;

  useEffect(() => {
    if (!loaded) return;
    const socket = getSocket();
    const key = alarmKeys.unit(unitId);
    let synced = false;
    const apply = (changed: Pick<TAlarmsChanged, "alarms" | "audioPause" | "lastSeq">, advance: boolean) => {
      queryClient.setQueryData<TUnitAlarms>(key, (current) => {
        if (!current) return current;
        return {
          ...current,
          alarms: mergeAlarms(current.alarms, changed.alarms),
          audioPause: changed.audioPause === undefined ? current.audioPause : changed.audioPause,
          lastSeq: advance ? Math.max(current.lastSeq, changed.lastSeq) : current.lastSeq,
        };
      });
    };
    const replay = () => {
      synced = false;
      const sinceSeq = queryClient.getQueryData<TUnitAlarms>(key)?.lastSeq ?? 0;
      socket
        .timeout(REPLAY_TIMEOUT_MS)
        .emit("alarm:subscribe", { unitId, sinceSeq }, (error: Error | null, answer: TAlarmReplayAnswer) => {
          if (error || !answer.ok) return;
          apply(answer, true);
          if (answer.more) replay();
          else synced = true;
        });
    };
    const onChanged = (changed: TAlarmsChanged) => {
      if (changed.unitId === unitId) apply(changed, synced);
    };
    const onDisconnect = () => {
      synced = false;
    };
    socket.on("alarm:changed", onChanged);
    socket.on("connect", replay);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) replay();
    return () => {
      socket.off("alarm:changed", onChanged);
      socket.off("connect", replay);
      socket.off("disconnect", onDisconnect);
    };
  }, [loaded, queryClient, unitId]);

  return { alarms: query.data, error: query.error };
}
