const HOUR = 3_600_000;

export interface TRoundTimes {
  readonly signedAt: number;
  readonly dueAt: number | null;
  readonly frequencies: readonly string[];
}

/**
 * Rounds of one episode over a shift [startsAt, coversUntil), by the schedule of docs/rounds.md: hourly rounds are
 * due 60 min after the previous one (the episode's start for the first); between two rounds t1 < t2, the hours
 * t1 + k·60 min (k = 1 … ⌊(t2 − t1) / 60 min⌋ − 1) had room for a round and none was done, and the same after the
 * last round up to the end of the period. A missed round counts for the shift its due time falls in. The
 * once-a-shift items are missed when no round of the shift covered them once they were due (60 min into the shift).
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
  const points = [episodeStartedAt, ...signed.map((r) => r.signedAt), coversUntil];
  let missed = 0;
  for (let i = 1; i < points.length; i++) {
    const t1 = points[i - 1] ?? 0;
    const t2 = points[i] ?? 0;
    // The stretch from the episode's start to its first round counts like a gap after a round at the start.
    const slots = Math.floor((t2 - t1) / HOUR) - 1;
    for (let k = 1; k <= slots; k++) {
      const due = t1 + k * HOUR;
      if (due >= startsAt && due < coversUntil) missed += 1;
    }
  }
  const shiftItemsDue = coversUntil > startsAt + HOUR;
  const shiftCovered = inShift.some((r) => r.frequencies.includes("shift"));
  return {
    done: inShift.length,
    late: inShift.filter((r) => r.dueAt !== null && r.signedAt > r.dueAt).length,
    missed,
    shiftItemsMissed: shiftItemsDue && !shiftCovered,
    nextDueAt: (signed.at(-1)?.signedAt ?? episodeStartedAt) + HOUR,
  };
}
