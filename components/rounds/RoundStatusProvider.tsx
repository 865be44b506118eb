"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useUnitRounds } from "@/lib/client/use-unit-rounds";
import { prepareRoundStatus, type TPreparedRoundStatus } from "@/lib/rounds/prepare-round-status";

const RoundStatusContext = createContext<ReadonlyMap<string, TPreparedRoundStatus> | null>(null);

/**
 * The unit's round status for the station's tiles, read beside the station's snapshot (its own query, refreshed by
 * the socket's round:signed), so that a tile shows "round due in 12 min" without the snapshot knowing of rounds.
 */
export function RoundStatusProvider({
  unitId,
  now,
  children,
}: {
  readonly unitId: string;
  readonly now: number | null;
  readonly children: ReactNode;
}) {
  const rounds = useUnitRounds(unitId, { live: true });
  const byBed = useMemo(() => {
    const data = rounds.data;
    if (!data) return null;
    const at = now ?? data.serverTime;
    return new Map(data.beds.map((bed) => [bed.bedId, prepareRoundStatus(bed, at)]));
  }, [rounds.data, now]);
  return <RoundStatusContext.Provider value={byBed}>{children}</RoundStatusContext.Provider>;
}

/** A bed's round status on the station; null outside the provider or before the first read. */
export function useBedRoundStatus(bedId: string): TPreparedRoundStatus | null {
  return useContext(RoundStatusContext)?.get(bedId) ?? null;
}
