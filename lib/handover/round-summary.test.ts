import { describe, expect, it } from "vitest";
import { summarizeRounds } from "./round-summary";

const H = 3_600_000;
const S = 1_800_000_000_000;

describe("rounds of a shift", () => {
  it("counts the hours with room for a round and none done, only those due inside the shift", () => {
    const rounds = [S - 3 * H, S + 2.5 * H, S + 3 * H].map((signedAt) => ({ signedAt, dueAt: null, frequencies: ["hourly"] }));
    // From S−3h to S+2.5h, rounds were due at S−2h, S−1h, S, S+1h, S+2h; the one at S+2.5h did S+2h, and S−2h, S−1h
    // belong to the shift before: 2 missed. After S+3h, due at S+4h … S+12h (the end included): 9.
    const summary = summarizeRounds({ rounds, episodeStartedAt: S - 48 * H, startsAt: S, coversUntil: S + 12 * H });
    expect(summary).toMatchObject({ done: 2, missed: 2 + 9, shiftItemsMissed: true, nextDueAt: S + 4 * H });
  });

  it("does not ask for the once-a-shift items in the shift's first hour", () => {
    expect(summarizeRounds({ rounds: [], episodeStartedAt: S - H, startsAt: S, coversUntil: S + 30 * 60_000 }).shiftItemsMissed).toBe(false);
  });
});
