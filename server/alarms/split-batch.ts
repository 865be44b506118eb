import type { TStayReading } from "@/lib/db/alarms/find-stay-readings-since";
import { judgedValue } from "@/lib/observations/lab-result";
import type { TCommittedObservation } from "@/lib/observations/observation";
import { withdrawalOf, type TWithdrawal } from "./withdraw-replaced-results";

/**
 * A page of committed readings as the engine judges them, by stay, with or without a running episode (each reading
 * keeps the episode that ran at its time, null when none: which rules judge it follows from it, judge-stay-readings.ts):
 * the values to judge, and the results they withdraw (a correction, a cancellation, a final after a preliminary:
 * withdraw-replaced-results.ts). A cancellation is not a value; a censored one is judged on the side its comparator
 * says ("> 0.7" is above 0.7). A stay with only withdrawals has an empty list of values, so that it is visited.
 */
export function splitBatch(batch: readonly TCommittedObservation[]): {
  byStay: Map<string, TStayReading[]>;
  withdrawals: Map<string, TWithdrawal[]>;
} {
  const byStay = new Map<string, TStayReading[]>();
  const withdrawals = new Map<string, TWithdrawal[]>();
  for (const o of batch) {
    const { stayId } = o;
    const withdrawal = withdrawalOf(o);
    if (withdrawal) withdrawals.set(stayId, [...(withdrawals.get(stayId) ?? []), withdrawal]);
    if (o.status === "cancelled") continue;
    const list = byStay.get(stayId) ?? [];
    list.push({
      seq: o.seq,
      episodeId: o.episodeId,
      parameter: o.parameter,
      value: judgedValue(o.value, o.comparator),
      observedAt: o.observedAt,
    });
    byStay.set(stayId, list);
  }
  for (const stayId of withdrawals.keys()) if (!byStay.has(stayId)) byStay.set(stayId, []);
  return { byStay, withdrawals };
}
