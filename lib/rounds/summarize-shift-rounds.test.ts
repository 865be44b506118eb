import { describe, expect, it } from "vitest";
import { summarizeShiftRounds, type TRoundForSummary } from "./summarize-shift-rounds";

const H = 3_600_000;
const from = Date.UTC(2026, 0, 15, 6); // day shift 07:00–19:00 Paris
const to = from + 12 * H;
const round = (at: number, frequencies = ["hourly"], extra: Partial<TRoundForSummary> = {}): TRoundForSummary => ({
  id: String(at),
  signedAt: at,
  dueAt: null,
  frequencies,
  abnormalCount: 0,
  ...extra,
});

describe("a shift's rounds for the handover", () => {
  it("counts a round every hour as none missed", () => {
    const rounds = [
      round(from - 0.5 * H),
      ...Array.from({ length: 12 }, (_, i) => round(from + (i + 0.5) * H, i === 0 ? ["hourly", "shift"] : ["hourly"])),
    ];
    expect(summarizeShiftRounds({ rounds, from, to, episodeStartedAt: from - 48 * H })).toEqual({
      done: 12,
      late: 0,
      missedHourly: 0,
      shiftItemsMissed: false,
      withAbnormal: 0,
    });
  });

  it("counts the hours without a round as missed, late rounds as late, and the shift items as missed", () => {
    // Rounds at 07:30, then 10:45 (due 08:30, so late; of the dues 08:30, 09:30, 10:30 one was done: 2 missed), then
    // none until 19:00 (11:45 … 18:45: 8 missed).
    const rounds = [
      round(from - 0.5 * H),
      round(from + 0.5 * H),
      round(from + 3.75 * H, ["hourly"], { dueAt: from + 1.5 * H, abnormalCount: 1 }),
    ];
    expect(summarizeShiftRounds({ rounds, from, to, episodeStartedAt: from - 48 * H })).toEqual({
      done: 2,
      late: 1,
      missedHourly: 10,
      shiftItemsMissed: true,
      withAbnormal: 1,
    });
  });

  it("starts counting at the episode's start for a patient admitted mid-shift", () => {
    const admitted = from + 6 * H;
    expect(
      summarizeShiftRounds({
        rounds: [round(admitted + 0.25 * H, ["hourly", "shift"])],
        from,
        to,
        episodeStartedAt: admitted,
      }).missedHourly,
    ).toBe(5);
  });
});
