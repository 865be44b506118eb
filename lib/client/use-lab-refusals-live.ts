"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import { LAB_REFUSAL_RULE } from "@/lib/alarms/lab-refusal-rule";
import { bedKeys } from "./query-keys";
import { useUnitAlarms } from "./use-unit-alarms";

/** The open refusal alarms of one bed, as one comparable key (their ids, sorted). */
export function labRefusalAlarmKey(alarms: readonly TAlarmDto[], bedId: string): string {
  return alarms
    .filter((a) => a.ruleId === LAB_REFUSAL_RULE && a.bedId === bedId)
    .map((a) => a.id)
    .sort()
    .join(",");
}

/**
 * A refused laboratory result reaches an open bed page within seconds, not at the detail's next 2-minute read: each
 * refusal holds a technical alarm, and alarms come live by socket (use-unit-alarms.ts), so when the bed's set of
 * refusal alarms changes (a new one raised, one resolved elsewhere) the bed's detail, which lists the refusals, is
 * read again.
 */
export function useLabRefusalsLive(unitId: string, bedId: string): void {
  const queryClient = useQueryClient();
  const { alarms } = useUnitAlarms(unitId);
  const key = useMemo(() => (alarms ? labRefusalAlarmKey(alarms.alarms, bedId) : null), [alarms, bedId]);
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    // The first set known is what the detail was read with; only a change since then asks for a new read.
    if (seen.current !== null && seen.current !== key) {
      void queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) });
    }
    seen.current = key;
  }, [key, bedId, queryClient]);
}
