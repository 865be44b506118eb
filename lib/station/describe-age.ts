/**
 * How old a reading is, in the words a nurse reads at a glance: the component turns it into "2 h ago" or
 * "il y a 2 h" with the i18n catalogue. Whole units, rounded down, so a value never looks fresher than it is.
 */
export type TAge = { readonly unit: "now" } | { readonly unit: "minutes" | "hours" | "days"; readonly count: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function describeAge(ageMs: number): TAge {
  // A reading stamped slightly ahead of this screen's clock (clock skew) reads as "now", never as negative.
  if (ageMs < MINUTE) return { unit: "now" };
  if (ageMs < HOUR) return { unit: "minutes", count: Math.floor(ageMs / MINUTE) };
  // Up to two days, hours stay more useful than "1 day" for a sample drawn twice a day.
  if (ageMs < 2 * DAY) return { unit: "hours", count: Math.floor(ageMs / HOUR) };
  return { unit: "days", count: Math.floor(ageMs / DAY) };
}
