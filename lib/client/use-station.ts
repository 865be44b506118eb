"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { toLiveStation, type TLiveStation } from "@/lib/station/merge-observations";
import { ZStationSnapshot } from "@/lib/station/snapshot";
import type { TStayChanged } from "@/lib/realtime/events";
import { stationKeys } from "./query-keys";
import { getSocket } from "./socket";
import { unitTransport } from "./socket-transport";
import { startStationSync } from "./station-sync";

/**
 * The snapshot is read again this often. Readings arrive by socket, but admissions, discharges and episode changes
 * do not: this is how a new patient appears on the wall without anyone reloading it.
 */
const SNAPSHOT_REFRESH_MS = 2 * 60_000;

export type TStationLoadErrorCode = "NOT_FOUND" | "UNAVAILABLE" | "INVALID_RESPONSE";

export class StationLoadError extends Error {
  constructor(
    readonly code: TStationLoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StationLoadError";
  }
}

export async function fetchStation(unitId: string, signal?: AbortSignal): Promise<TLiveStation> {
  let response: Response;
  try {
    response = await fetch(`/api/units/${encodeURIComponent(unitId)}/station`, { cache: "no-store", signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new StationLoadError("UNAVAILABLE", `The server did not answer: ${String(error)}`);
  }
  if (response.status === 404) throw new StationLoadError("NOT_FOUND", `Unit ${unitId} does not exist`);
  if (!response.ok) throw new StationLoadError("UNAVAILABLE", `The server answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new StationLoadError("INVALID_RESPONSE", `The station is not JSON: ${String(error)}`);
  }
  const parsed = ZStationSnapshot.safeParse(body);
  if (!parsed.success) throw new StationLoadError("INVALID_RESPONSE", z.prettifyError(parsed.error));
  return toLiveStation(parsed.data);
}

export interface TUseStation {
  readonly station: TLiveStation | undefined;
  readonly status: "pending" | "error" | "success";
  /** The last failure, also while retries are still under way. */
  readonly error: StationLoadError | null;
  /** True while the last catch-up with the server failed: the screen may lack readings until a retry succeeds. */
  readonly catchUpFailing: boolean;
}

/**
 * The station of a unit, kept current: the snapshot over HTTP, then readings by socket merged into the same cache
 * entry (lib/client/station-sync.ts), never into component state.
 */
export function useStation(unitId: string): TUseStation {
  const queryClient = useQueryClient();
  const [catchUpFailing, setCatchUpFailing] = useState(false);

  const query = useQuery<TLiveStation, StationLoadError>({
    queryKey: stationKeys.snapshot(unitId),
    queryFn: ({ signal }) => fetchStation(unitId, signal),
    // The socket keeps the entry fresh; only the periodic refresh reads the snapshot again.
    staleTime: Infinity,
    refetchInterval: SNAPSHOT_REFRESH_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // A wall screen has nobody to press reload: it keeps trying, except for a unit that does not exist.
    retry: (_count, error) => error.code !== "NOT_FOUND",
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 30_000),
  });

  useEffect(
    () =>
      startStationSync({
        unitId,
        queryClient,
        transport: unitTransport(getSocket()),
        onCatchUpResult: setCatchUpFailing,
      }),
    [queryClient, unitId],
  );

  // A stay changed (a patient admitted, moved, discharged, support started or ended): the beds' occupants come from the
  // snapshot, so it is read again at once rather than at the next periodic refresh.
  useEffect(() => {
    const socket = getSocket();
    const changed = (payload: TStayChanged) => {
      if (payload.unitId === unitId) void queryClient.invalidateQueries({ queryKey: stationKeys.snapshot(unitId) });
    };
    socket.on("stay:changed", changed);
    return () => {
      socket.off("stay:changed", changed);
    };
  }, [queryClient, unitId]);

  // While retries run the query stays pending; its failure reason already tells the screen what is wrong.
  return { station: query.data, status: query.status, error: query.error ?? query.failureReason, catchUpFailing };
}
