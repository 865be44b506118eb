"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useUnitProtocols } from "@/lib/client/use-protocols";
import { prepareTileSteps, type TPreparedStep } from "@/lib/protocols/prepare-protocols";

type TTileSteps = ReadonlyMap<string, { readonly step: TPreparedStep; readonly others: number }>;

const ProtocolStatusContext = createContext<TTileSteps | null>(null);

/**
 * The unit's running protocol timers for the station's tiles, read beside the station's snapshot (their own query,
 * refreshed by the socket's protocol:changed), so that a tile shows "heparin stopped due in 42 min" without the
 * snapshot knowing of protocols. Counted against the server's clock (`now`).
 */
export function ProtocolStatusProvider({
  unitId,
  now,
  children,
}: {
  readonly unitId: string;
  readonly now: number | null;
  readonly children: ReactNode;
}) {
  const protocols = useUnitProtocols(unitId);
  const byBed = useMemo(() => {
    const data = protocols.data;
    if (!data) return null;
    return prepareTileSteps(data.plans, now ?? data.serverTime);
  }, [protocols.data, now]);
  return <TileProtocolSteps steps={byBed}>{children}</TileProtocolSteps>;
}

/** Hands the tiles their steps by bed: the provider's from the unit's plans, or a component test's own. */
export function TileProtocolSteps({
  steps,
  children,
}: {
  readonly steps: TTileSteps | null;
  readonly children: ReactNode;
}) {
  return <ProtocolStatusContext.Provider value={steps}>{children}</ProtocolStatusContext.Provider>;
}

/** The step a bed's tile shows; null outside the provider, before the first read, or with no timer running. */
export function useBedProtocolStep(bedId: string) {
  return useContext(ProtocolStatusContext)?.get(bedId) ?? null;
}
