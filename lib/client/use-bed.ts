"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ZBedDetail, type TBedDetail } from "@/lib/bed/bed-detail";
import { startBedSync } from "./bed-sync";
import { bedTransport } from "./socket-transport";
import { bedKeys } from "./query-keys";
import { getSocket } from "./socket";

/** Admissions and discharges do not come by socket: the detail is read again this often, as the station is. */
const DETAIL_REFRESH_MS = 2 * 60_000;

export type TBedLoadErrorCode = "NOT_FOUND" | "UNAVAILABLE" | "INVALID_RESPONSE";

export class BedLoadError extends Error {
  constructor(
    readonly code: TBedLoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BedLoadError";
  }
}

/** A JSON answer through its zod schema; failures become BedLoadErrors the screen can explain. */
export async function getJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new BedLoadError("UNAVAILABLE", `The server did not answer: ${String(error)}`);
  }
  if (response.status === 404) throw new BedLoadError("NOT_FOUND", `${url} was not found`);
  if (!response.ok) throw new BedLoadError("UNAVAILABLE", `The server answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new BedLoadError("INVALID_RESPONSE", `Not JSON: ${String(error)}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BedLoadError("INVALID_RESPONSE", z.prettifyError(parsed.error));
  return parsed.data;
}

export interface TUseBed {
  readonly detail: TBedDetail | undefined;
  readonly status: "pending" | "error" | "success";
  readonly error: BedLoadError | null;
  readonly catchUpFailing: boolean;
}

/**
 * A bed's detail kept current: read over HTTP (or handed over by the server's render), then readings by socket
 * merged into the cache (bed-sync.ts).
 */
export function useBed(bedId: string, initialDetail?: TBedDetail): TUseBed {
  const queryClient = useQueryClient();
  const [catchUpFailing, setCatchUpFailing] = useState(false);
  const query = useQuery<TBedDetail, BedLoadError>({
    queryKey: bedKeys.detail(bedId),
    queryFn: ({ signal }) => getJson(`/api/beds/${encodeURIComponent(bedId)}`, ZBedDetail, signal),
    initialData: initialDetail,
    initialDataUpdatedAt: initialDetail?.serverTime,
    staleTime: Infinity,
    refetchInterval: DETAIL_REFRESH_MS,
    refetchOnReconnect: false,
    retry: (_count, error) => error.code !== "NOT_FOUND",
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 30_000),
  });
  useEffect(
    () =>
      startBedSync({ bedId, queryClient, transport: bedTransport(getSocket()), onCatchUpResult: setCatchUpFailing }),
    [bedId, queryClient],
  );
  return { detail: query.data, status: query.status, error: query.error ?? query.failureReason, catchUpFailing };
}
