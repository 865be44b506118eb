const HOUR = 3_600_000;

export interface TRoundTimes {
  readonly signedAt: number;
  readonly dueAt: number | null;
  readonly frequencies: readonly string[];
}

/**
 * Rounds of one episode over a shift [startsAt, coversUntil), by the schedule of docs/rounds.md, with the same
 * counting as the rounds feature's summarizeShiftRounds (lib/rounds on the rounds branch), so that the handover and
 * the rounds page agree: hourly rounds fall due one hour after the previous round (the first at the episode's
 * start); between two rounds t1 < t2, ⌊(t2 − t1) / 1 h⌋ − 1 were missed, and after the last round ⌊(end − t) / 1 h⌋;
 * due times before the shift (or the episode) began are another shift's. The once-a-shift items are missed when no
 * round of the shift covered them once they were due (60 min into the shift).
 */
export function summarizeRounds({
  rounds,
  episodeStartedAt,
  startsAt,
  coversUntil,
}: {
  /** Every round of the episode signed before coversUntil, any order. */
  rounds: readonly TRoundTimes[];
  episodeStartedAt: number;
  startsAt: number;
  coversUntil: number;
}): { done: number; late: number; missed: number; shiftItemsMissed: boolean; nextDueAt: number } {
  const signed = rounds.filter((r) => r.signedAt < coversUntil).sort((a, b) => a.signedAt - b.signedAt);
  const inShift = signed.filter((r) => r.signedAt >= startsAt);
  const before = signed.filter((r) => r.signedAt < startsAt).at(-1);
  const start = Math.max(startsAt, episodeStartedAt);
  // The hour clock runs from the last round before the shift, or an hour before the episode's start (its first
  // round is due at the start).
  let anchor = before ? before.signedAt : episodeStartedAt - HOUR;
  let missed = 0;
  for (const point of [...inShift.map((r) => ({ at: r.signedAt, round: true })), { at: coversUntil, round: false }]) {
    const due = Math.floor((point.at - anchor) / HOUR);
    const dueBeforeStart = Math.max(0, Math.ceil((start - anchor) / HOUR) - 1);
    // A round fulfils one of the due times up to it; the end of the period fulfils none.
    missed += Math.max(0, due - Math.min(due, dueBeforeStart) - (point.round ? 1 : 0));
    anchor = point.at;
  }
  return {
    done: inShift.length,
    late: inShift.filter((r) => r.dueAt !== null && r.signedAt > r.dueAt).length,
    missed,
    shiftItemsMissed: coversUntil - start >= HOUR && !inShift.some((r) => r.frequencies.includes("shift")),
    nextDueAt: (signed.at(-1)?.signedAt ?? episodeStartedAt - HOUR) + HOUR,
  };
}
