import { describe, expect, it } from "vitest";
import { DEFAULT_SHIFT_PATTERN, type TShiftContext } from "@/lib/shifts";
import { computeRoundSchedule, describeDue, type TRoundScheduleInput } from "./schedule";

const at = (iso: string) => new Date(iso).getTime();
const paris: TShiftContext = { pattern: DEFAULT_SHIFT_PATTERN, timeZone: "Europe/Paris" };
const ALL = ["hourly", "shift", "daily"] as const;

function schedule(partial: Partial<TRoundScheduleInput> & Pick<TRoundScheduleInput, "now">) {
  return computeRoundSchedule({
    episodeStartedAt: at("2026-01-10T08:00:00Z"),
    frequencies: ALL,
    lastRoundAt: null,
    lastCoveredAt: {},
    shifts: paris,
    ...partial,
  });
}
const dueOf = (s: ReturnType<typeof computeRoundSchedule>, f: string) => s.byFrequency.find((x) => x.frequency === f);

describe("when a bed's round is due", () => {
  it("makes the episode's first round due at the episode's start, with every frequency asked", () => {
    const s = schedule({ now: at("2026-01-15T12:00:00Z"), episodeStartedAt: at("2026-01-15T11:40:00Z") });
    expect(s.dueAt).toBe(at("2026-01-15T11:40:00Z"));
    expect(s.overdue).toBe(true);
    expect(s.open).toEqual(["hourly", "shift", "daily"]);
    expect(describeDue(s.dueAt, at("2026-01-15T12:00:00Z"))).toEqual({ overdue: true, minutes: 20 });
  });

  it("asks the shift items again at the shift boundary, even an hour after they were answered", () => {
    // Winter: 07:00 / 19:00 Paris = 06:00Z / 18:00Z. Hourly and shift items answered at 18:30 local.
    const last = at("2026-01-15T17:30:00Z");
    const covered = { lastRoundAt: last, lastCoveredAt: { shift: last, daily: last } };

    const beforeBoundary = schedule({ now: at("2026-01-15T17:50:00Z"), ...covered });
    expect(beforeBoundary.open).toEqual(["hourly"]);
    expect(beforeBoundary.dueAt).toBe(at("2026-01-15T18:30:00Z")); // hourly: 19:30 local
    expect(dueOf(beforeBoundary, "shift")?.dueAt).toBe(at("2026-01-15T19:00:00Z")); // the night's first hour
    expect(describeDue(beforeBoundary.dueAt, at("2026-01-15T17:50:00Z"))).toEqual({ overdue: false, minutes: 40 });

    const afterBoundary = schedule({ now: at("2026-01-15T18:05:00Z"), ...covered });
    expect(afterBoundary.open).toEqual(["hourly", "shift"]);
    expect(afterBoundary.shift.key).toBe("2026-01-15/night");
    expect(afterBoundary.overdue).toBe(false);

    const late = schedule({ now: at("2026-01-15T18:55:00Z"), ...covered });
    expect(late.overdue).toBe(true);
    expect(describeDue(late.dueAt, at("2026-01-15T18:55:00Z"))).toEqual({ overdue: true, minutes: 25 });
  });

  it("keeps a shift item due an hour into the shift when the hourly round was done but did not cover it", () => {
    const s = schedule({
      now: at("2026-01-15T07:30:00Z"),
      lastRoundAt: at("2026-01-15T07:20:00Z"),
      lastCoveredAt: { shift: at("2026-01-15T05:00:00Z"), daily: at("2026-01-14T09:00:00Z") },
    });
    expect(s.open).toEqual(["hourly", "shift", "daily"]);
    expect(s.dueAt).toBe(at("2026-01-15T07:00:00Z")); // day shift 06:00Z + 1 h, before the hourly at 08:20Z
    expect(s.overdue).toBe(true);
  });

  it("asks daily items once per clinical day, which starts with the day shift at 07:00", () => {
    const covered = {
      lastRoundAt: at("2026-01-15T09:00:00Z"),
      lastCoveredAt: { shift: at("2026-01-15T09:00:00Z"), daily: at("2026-01-15T09:00:00Z") },
    };
    // 05:59 local the next morning: still the clinical day of the 15th, daily items not asked.
    const night = schedule({ now: at("2026-01-16T04:59:00Z"), ...covered });
    expect(night.open).not.toContain("daily");
    expect(dueOf(night, "daily")?.dueAt).toBe(at("2026-01-16T07:00:00Z"));
    const morning = schedule({ now: at("2026-01-16T06:01:00Z"), ...covered });
    expect(morning.open).toContain("daily");
  });

  it("counts an hour as an hour across the autumn change: 02:30 CEST → due at the second 02:30 (CET)", () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET. Last round at 02:30 CEST = 00:30Z.
    const last = at("2026-10-25T00:30:00Z");
    const s = schedule({
      now: at("2026-10-25T01:45:00Z"),
      lastRoundAt: last,
      lastCoveredAt: { shift: last, daily: at("2026-10-24T08:00:00Z") },
    });
    expect(s.byFrequency.find((f) => f.frequency === "hourly")?.dueAt).toBe(at("2026-10-25T01:30:00Z")); // 02:30 CET
    expect(describeDue(at("2026-10-25T01:30:00Z"), at("2026-10-25T01:45:00Z"))).toEqual({ overdue: true, minutes: 15 });
  });

  it("lets the 13-hour autumn night's shift items stand until 07:00 CET, and the 11-hour spring night's until 07:00 CEST", () => {
    // Autumn: night of 24–25 Oct, 19:00 CEST (17:00Z) to 07:00 CET (06:00Z). Shift items done at 19:30 CEST.
    const autumn = {
      lastRoundAt: at("2026-10-25T05:20:00Z"),
      lastCoveredAt: { shift: at("2026-10-24T17:30:00Z"), daily: at("2026-10-24T08:00:00Z") },
    };
    const before = schedule({ now: at("2026-10-25T05:50:00Z"), ...autumn });
    expect(before.shift.endsAt - before.shift.startsAt).toBe(13 * 3_600_000);
    expect(before.open).toEqual(["hourly"]);
    expect(dueOf(before, "shift")?.dueAt).toBe(at("2026-10-25T07:00:00Z")); // 08:00 CET
    expect(schedule({ now: at("2026-10-25T06:10:00Z"), ...autumn }).open).toEqual(["hourly", "shift", "daily"]);

    // Spring: night of 28–29 March, 19:00 CET (18:00Z) to 07:00 CEST (05:00Z).
    const spring = {
      lastRoundAt: at("2026-03-29T04:30:00Z"),
      lastCoveredAt: { shift: at("2026-03-28T19:00:00Z"), daily: at("2026-03-28T08:00:00Z") },
    };
    const s = schedule({ now: at("2026-03-29T04:50:00Z"), ...spring });
    expect(s.shift.endsAt - s.shift.startsAt).toBe(11 * 3_600_000);
    expect(dueOf(s, "shift")?.dueAt).toBe(at("2026-03-29T06:00:00Z")); // 08:00 CEST
    expect(schedule({ now: at("2026-03-29T05:01:00Z"), ...spring }).open).toContain("shift");
  });

  it("says nothing is due for a checklist without items", () => {
    const s = schedule({ now: at("2026-01-15T12:00:00Z"), frequencies: [] });
    expect(s.overdue).toBe(false);
    expect(s.open).toEqual([]);
  });
});
