"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TRoundChanged } from "@/lib/realtime/events";
import { roundKeys } from "./query-keys";
import { fetchUnitRounds } from "./rounds-api";
import { getSocket } from "./socket";

/** Read again this often: due times move with the clock, and a round signed on another tablet must show. */
const REFRESH_MS = 30_000;

/**
 * A unit's round status. With `live`, a round signed or amended anywhere (the socket's round:signed, heard by screens
 * in the unit's room, such as the station) refreshes it at once; the periodic read covers a missed notification.
 */
export function useUnitRounds(unitId: string, { live = false }: { live?: boolean } = {}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: roundKeys.unit(unitId),
    queryFn: () => fetchUnitRounds(unitId),
    refetchInterval: REFRESH_MS,
  });
  useEffect(() => {
    if (!live) return;
    const socket = getSocket();
    const changed = (payload: TRoundChanged) => {
      if (payload.unitId === unitId) void queryClient.invalidateQueries({ queryKey: roundKeys.unit(unitId) });
    };
    socket.on("round:signed", changed);
    socket.on("round:amended", changed);
    return () => {
      socket.off("round:signed", changed);
      socket.off("round:amended", changed);
    };
  }, [live, unitId, queryClient]);
  return query;
}

/**
 * The server's time, ticking every `everyMs`: the offset is taken from the answer's serverTime when it arrives, so
 * that a tablet with a wrong clock still counts "due in 12 min" right. Null until the first answer.
 */
export function useServerClock(serverTime: number | undefined, everyMs = 15_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (serverTime === undefined) return;
    const offset = serverTime - Date.now();
    const update = () => setNow(Date.now() + offset);
    update();
    const timer = window.setInterval(update, everyMs);
    return () => window.clearInterval(timer);
  }, [serverTime, everyMs]);
  return now;
}
