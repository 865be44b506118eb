"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TProtocolChanged } from "@/lib/realtime/events";
import { fetchBedProtocols, fetchUnitProtocols } from "./protocols-api";
import { protocolKeys } from "./query-keys";
import { getSocket } from "./socket";

/** Read again this often: a missed notification (a reconnect) must not leave a screen on an old plan for long. */
const REFRESH_MS = 30_000;

/** Every protocol:changed of this unit or bed (heard in the unit's, the bed's or the handover's room) refreshes both reads. */
function useProtocolChanges(scope: "unitId" | "bedId", id: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const changed = (payload: TProtocolChanged) => {
      if (payload[scope] !== id) return;
      void queryClient.invalidateQueries({ queryKey: protocolKeys.unit(payload.unitId) });
      void queryClient.invalidateQueries({ queryKey: protocolKeys.bed(payload.bedId) });
    };
    socket.on("protocol:changed", changed);
    return () => {
      socket.off("protocol:changed", changed);
    };
  }, [scope, id, queryClient]);
}

/** A unit's running plans, live: the station's tiles, the rounds page, the handover. */
export function useUnitProtocols(unitId: string) {
  useProtocolChanges("unitId", unitId);
  return useQuery({
    queryKey: protocolKeys.unit(unitId),
    queryFn: () => fetchUnitProtocols(unitId),
    refetchInterval: REFRESH_MS,
  });
}

/** A bed's protocol panel, live. */
export function useBedProtocols(bedId: string) {
  useProtocolChanges("bedId", bedId);
  return useQuery({
    queryKey: protocolKeys.bed(bedId),
    queryFn: () => fetchBedProtocols(bedId),
    refetchInterval: REFRESH_MS,
  });
}
