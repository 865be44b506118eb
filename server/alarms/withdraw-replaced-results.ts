import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import { withdrawResults, type TWithdrawnResult } from "@/lib/alarms/withdraw-results";
import { isParameterCode } from "@/lib/catalogue";
import { findCurrentResults } from "@/lib/db/alarms/find-current-results";
import type { Db } from "@/lib/db/client";
import type { TCommittedObservation } from "@/lib/observations/observation";
import type { TStayReading } from "@/lib/db/alarms/find-stay-readings-since";
import type { TStayMemory } from "./stay-memory";

/** A result withdrawn by a reading of the batch, with the parameter whose current value it may have been. */
export interface TWithdrawal extends TWithdrawnResult {
  readonly parameter: string;
}

/** The withdrawal a committed reading makes: a laboratory result that replaces another withdraws it. */
export function withdrawalOf(o: TCommittedObservation): TWithdrawal | undefined {
  if (o.replaces === undefined) return undefined;
  const reason =
    o.status === "cancelled" ? "result-cancelled" : o.status === "corrected" ? "result-corrected" : "result-replaced";
  return { seq: o.replaces, bySeq: o.seq, reason, parameter: o.parameter };
}

/**
 * Withdraws replaced results from a stay's memory (lib/alarms/withdraw-results: each alarm they raised ends, its
 * history saying why) and answers the readings to judge again at once: for each parameter concerned that the batch
 * brings no new value of (a cancellation, an entered-in-error), its current result as the database now has it, the
 * previous value, which the rules judge afresh (its alarm, if it is out of its limits, is raised again with its own
 * value). A correction's new value is in the batch and is judged with it. Withdrawals the memory has already seen
 * (made by a reading at or before its last seq: a replay) change nothing.
 */
export async function withdrawReplacedResults({
  db,
  memory,
  rules,
  withdrawals,
  judgedNow,
  at,
}: {
  db: Db;
  memory: TStayMemory;
  rules: readonly TAlarmRule[];
  /** The batch's withdrawals of this stay. */
  withdrawals: readonly TWithdrawal[];
  /** The parameters with a new value in the batch, judged after this. */
  judgedNow: ReadonlySet<string>;
  at: number;
}): Promise<TStayReading[]> {
  const withdrawn = withdrawals.filter((w) => w.bySeq > memory.lastSeq);
  if (withdrawn.length === 0) return [];
  const result = withdrawResults({ rules, state: memory.state, episode: memory.context, withdrawn, at });
  memory.state = result.state;
  memory.pending.push(...result.transitions);
  for (const w of withdrawn) if (w.bySeq > memory.lastSeq) memory.lastSeq = w.bySeq;
  memory.dirty = true;

  const again: TStayReading[] = [];
  const parameters = new Set(withdrawn.map((w) => w.parameter).filter((p) => !judgedNow.has(p)));
  for (const parameter of [...parameters].filter(isParameterCode)) {
    const [current] = await findCurrentResults({
      db,
      stayId: memory.id,
      parameter,
      limit: 1,
    });
    // Forgotten as the newest, so that the rules judge it as they would a new value (a replay of the same seq is
    // otherwise passed over); nothing to judge when no result stands.
    delete memory.state.latest[parameter];
    // Judged in what runs now: the value that stands is the stay's current one.
    if (current) again.push({ ...current, parameter, episodeId: memory.episodeId });
  }
  return again;
}
