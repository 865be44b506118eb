import { HOURLY_INTERVAL_MS } from "./schedule";

/** A round as the handover needs it: when, which frequencies, and how many abnormal findings are in force. */
export interface TRoundForSummary {
  readonly id: string;
  readonly signedAt: number;
  readonly dueAt: number | null;
  readonly frequencies: readonly string[];
  readonly abnormalCount: number;
}

export interface TShiftRoundSummary {
  readonly done: number;
  /** Signed after they were due. */
  readonly late: number;
  /** Hourly rounds that had room in the shift and were not done (docs/rounds.md). */
  readonly missedHourly: number;
  /** No round of the shift covered the shift items (only once the shift's grace has passed, or it has ended). */
  readonly shiftItemsMissed: boolean;
  readonly withAbnormal: number;
}

/**
 * Rounds done, late and missed for one bed over the part of shift `[from, to)` its episode covers (`to` is the
 * shift's end or now). Missed hourly rounds: between consecutive rounds at t1 < t2, one per hour had room, so
 * floor((t2 − t1) / 1 h) − 1 were missed; the stretch from the episode's start (or the last round before the
 * shift) to the first round, and from the last round to `to`, count the same way. Rounds must be of one episode.
 */
export function summarizeShiftRounds({
  rounds,
  from,
  to,
  episodeStartedAt,
  graceMs = HOURLY_INTERVAL_MS,
}: {
  /** The episode's rounds signed before `to`, in any order (those before `from` anchor the first gap). */
  rounds: readonly TRoundForSummary[];
  from: number;
  to: number;
  episodeStartedAt: number;
  graceMs?: number;
}): TShiftRoundSummary {
  const sorted = [...rounds].filter((r) => r.signedAt < to).sort((a, b) => a.signedAt - b.signedAt);
  const inShift = sorted.filter((r) => r.signedAt >= from);
  const before = sorted.filter((r) => r.signedAt < from).at(-1);
  const start = Math.max(from, episodeStartedAt);
  // The hour clock runs from the last round before the shift (or the episode's start), clipped to the shift.
  let anchor = before ? before.signedAt : episodeStartedAt - HOURLY_INTERVAL_MS;
  let missed = 0;
  for (const point of [...inShift.map((r) => ({ at: r.signedAt, round: true })), { at: to, round: false }]) {
    // Due times after the anchor: anchor + 1 h, + 2 h… up to this point; a round fulfils one of them.
    const due = Math.floor((point.at - anchor) / HOURLY_INTERVAL_MS);
    // Those before the shift (or the episode) began are another shift's business.
    const dueBefore = Math.max(0, Math.ceil((start - anchor) / HOURLY_INTERVAL_MS) - 1);
    missed += Math.max(0, due - Math.min(due, dueBefore) - (point.round ? 1 : 0));
    anchor = point.at;
  }
  return {
    done: inShift.length,
    late: inShift.filter((r) => r.dueAt !== null && r.signedAt > r.dueAt).length,
    missedHourly: missed,
    shiftItemsMissed: !inShift.some((r) => r.frequencies.includes("shift")) && to - start >= graceMs,
    withAbnormal: inShift.filter((r) => r.abnormalCount > 0).length,
  };
}
