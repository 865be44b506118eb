/**
 * How old a reading is, down to the second for device values (a 5 s stream that is 40 s old is already worth
 * noticing), in whole units rounded down so that a value never looks fresher than it is.
 */
export type TReadingAge =
  { readonly unit: "now" } | { readonly unit: "seconds" | "minutes" | "hours" | "days"; readonly count: number };

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function describeReadingAge(ageMs: number): TReadingAge {
  if (ageMs < 2 * SECOND) return { unit: "now" };
  if (ageMs < MINUTE) return { unit: "seconds", count: Math.floor(ageMs / SECOND) };
  if (ageMs < HOUR) return { unit: "minutes", count: Math.floor(ageMs / MINUTE) };
  if (ageMs < 2 * DAY) return { unit: "hours", count: Math.floor(ageMs / HOUR) };
  return { unit: "days", count: Math.floor(ageMs / DAY) };
}

/** A running duration as h:mm:ss (the "pump stopped since" timer). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
