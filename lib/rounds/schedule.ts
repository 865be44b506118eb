import { nextShift, previousShift, shiftAt, type TShift, type TShiftContext } from "@/lib/shifts";
import type { TRoundFrequency } from "./template";

/** Hourly items: the next round is due this long after the last one (absolute time: DST changes nothing). */
export const HOURLY_INTERVAL_MS = 60 * 60_000;
/** Shift and daily items are due within the first hour of their shift or clinical day ("start of shift"). */
export const PERIOD_GRACE_MS = 60 * 60_000;

/** What the schedule needs to know of a bed's episode and its rounds. All times epoch ms. */
export interface TRoundScheduleInput {
  readonly now: number;
  readonly episodeStartedAt: number;
  /** The frequencies the bed's checklist uses. */
  readonly frequencies: readonly TRoundFrequency[];
  /** signedAt of the episode's newest round, null before the first. */
  readonly lastRoundAt: number | null;
  /** signedAt of the newest round that covered each frequency. */
  readonly lastCoveredAt: Readonly<Partial<Record<TRoundFrequency, number>>>;
  readonly shifts: TShiftContext;
}

export interface TFrequencySchedule {
  readonly frequency: TRoundFrequency;
  /** Not yet covered in its current period (hourly: always): a round opened now asks these items. */
  readonly open: boolean;
  readonly dueAt: number;
}

export interface TRoundSchedule {
  /** The earliest due time over the frequencies: when the bed's next round is due. */
  readonly dueAt: number;
  readonly overdue: boolean;
  /** The frequencies a round opened now must cover, in the order of the checklist's frequencies. */
  readonly open: TRoundFrequency[];
  readonly byFrequency: TFrequencySchedule[];
  /** The shift `now` falls in. */
  readonly shift: TShift;
}

/**
 * When a bed's next round is due and which items it asks (docs/rounds.md, "The schedule"): hourly items one hour
 * after the last round (the episode's first is due at its start); shift items once per shift of the unit's pattern,
 * due an hour into it; daily items once per clinical day, which starts with the pattern's first shift. Shift and day
 * boundaries are local times of the unit (lib/shifts), so a night spanning a DST change lasts 11 or 13 hours.
 */
export function computeRoundSchedule(input: TRoundScheduleInput): TRoundSchedule {
  const shift = shiftAt(input.now, input.shifts);
  const byFrequency = input.frequencies.map((frequency): TFrequencySchedule => {
    if (frequency === "hourly") {
      return {
        frequency,
        open: true,
        dueAt: input.lastRoundAt === null ? input.episodeStartedAt : input.lastRoundAt + HOURLY_INTERVAL_MS,
      };
    }
    const period =
      frequency === "shift"
        ? { start: shift.startsAt, next: nextShift(shift, input.shifts).startsAt }
        : clinicalDay(input.now, shift, input.shifts);
    const covered = (input.lastCoveredAt[frequency] ?? Number.NEGATIVE_INFINITY) >= period.start;
    if (covered) return { frequency, open: false, dueAt: period.next + PERIOD_GRACE_MS };
    // A patient who arrives mid-period is due for these checks an hour after arrival, not retroactively.
    return { frequency, open: true, dueAt: Math.max(period.start, input.episodeStartedAt) + PERIOD_GRACE_MS };
  });
  const dueAt = Math.min(...byFrequency.map((f) => f.dueAt));
  return {
    dueAt,
    overdue: byFrequency.length > 0 && input.now >= dueAt,
    open: byFrequency.filter((f) => f.open).map((f) => f.frequency),
    byFrequency,
    shift,
  };
}

/** The clinical day containing `now`: from the latest start of the pattern's first shift to the next one. */
function clinicalDay(now: number, current: TShift, context: TShiftContext): { start: number; next: number } {
  const first = context.pattern.shifts[0]?.name;
  let start = current;
  for (let i = 0; i < context.pattern.shifts.length && start.name !== first; i++) start = previousShift(start, context);
  let next = nextShift(current, context);
  for (let i = 0; i < context.pattern.shifts.length && next.name !== first; i++) next = nextShift(next, context);
  return { start: start.startsAt, next: next.startsAt };
}

/** "due in 12 min" / "overdue 25 min": whole minutes, never negative; the screens word it. */
export function describeDue(dueAt: number, now: number): { overdue: boolean; minutes: number } {
  const overdue = now >= dueAt;
  const minutes = overdue ? Math.floor((now - dueAt) / 60_000) : Math.ceil((dueAt - now) / 60_000);
  return { overdue, minutes };
}
