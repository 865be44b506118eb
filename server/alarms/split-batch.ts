import type { TAlarmReading } from "@/lib/alarms/alarm-state";
import { judgedValue } from "@/lib/observations/lab-result";
import type { TCommittedObservation } from "@/lib/observations/observation";
import { withdrawalOf, type TWithdrawal } from "./withdraw-replaced-results";

/**
 * A page of committed readings as the engine judges them, by episode: the values to judge, and the results they
 * withdraw (a correction, a cancellation, a final after a preliminary: withdraw-replaced-results.ts). A cancellation
 * is not a value; a censored one is judged on the side its comparator says ("> 0.7" is above 0.7). An episode with
 * only withdrawals has an empty list of values, so that it is visited. A stay-only reading (no support running at its
 * time: a lactate before cannulation) is not judged: the engine's memory and its alarms are an episode's
 * (docs/stays.md, "Not done").
 */
export function splitBatch(batch: readonly TCommittedObservation[]): {
  byEpisode: Map<string, TAlarmReading[]>;
  withdrawals: Map<string, TWithdrawal[]>;
} {
  const byEpisode = new Map<string, TAlarmReading[]>();
  const withdrawals = new Map<string, TWithdrawal[]>();
  for (const o of batch) {
    const { episodeId } = o;
    if (episodeId === null) continue;
    const withdrawal = withdrawalOf(o);
    if (withdrawal) withdrawals.set(episodeId, [...(withdrawals.get(episodeId) ?? []), withdrawal]);
    if (o.status === "cancelled") continue;
    const list = byEpisode.get(episodeId) ?? [];
    list.push({
      seq: o.seq,
      parameter: o.parameter,
      value: judgedValue(o.value, o.comparator),
      observedAt: o.observedAt,
    });
    byEpisode.set(episodeId, list);
  }
  for (const episodeId of withdrawals.keys()) if (!byEpisode.has(episodeId)) byEpisode.set(episodeId, []);
  return { byEpisode, withdrawals };
}
