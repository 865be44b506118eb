import { parseWallClockTime, ZWallClockTime, type TShiftPattern } from "@/lib/shifts";
import { RequestError } from "@/lib/client/request-error";

/** One editable row of the shifts form; `key` keeps React's rows apart while names and times are typed. */
export interface TShiftRow {
  readonly key: number;
  readonly name: string;
  readonly start: string;
}

export const MAX_SHIFTS = 6;

let nextKey = 0;
export function newRow(name = "", start = ""): TShiftRow {
  nextKey += 1;
  return { key: nextKey, name, start };
}

export function rowsOf(pattern: TShiftPattern): TShiftRow[] {
  return pattern.shifts.map((shift) => newRow(shift.name, shift.start));
}

/** What PUT /api/units/:unitId/shift-pattern is sent: the rows as typed (names trimmed); the server validates. */
export function patternOf(rows: readonly TShiftRow[]): { shifts: { name: string; start: string }[] } {
  return { shifts: rows.map((row) => ({ name: row.name.trim(), start: row.start })) };
}

/** The server's messages for row `index` ("shifts.2.start" → row 2's start), in the order the rows are shown. */
export function rowMessages(error: unknown, index: number): { name?: string; start?: string } {
  if (!(error instanceof RequestError)) return {};
  const messages: { name?: string; start?: string } = {};
  for (const issue of error.issues) {
    if (issue.field === `shifts.${index}.name`) messages.name ??= issue.message;
    if (issue.field === `shifts.${index}.start`) messages.start ??= issue.message;
  }
  return messages;
}

/** True when every schema failure the server named is a row's name or start, each shown beside its input. */
export function issuesAllOnRows(error: unknown): boolean {
  return (
    error instanceof RequestError &&
    error.issues.length > 0 &&
    error.issues.every((issue) => /^shifts\.\d+\.(name|start)$/.test(issue.field))
  );
}

/**
 * Each row's length in minutes, from its start to the next start in the day (the last one wraps to the first one's
 * start the next day), as the server will place them; null for a row whose time is not a valid "HH:MM" or is shared
 * with another row. Wall-clock minutes: a night across a daylight-saving change is an hour longer or shorter.
 */
export function lengthsOf(rows: readonly TShiftRow[]): (number | null)[] {
  const minutes = rows.map((row) => {
    if (!ZWallClockTime.safeParse(row.start).success) return null;
    const { hour, minute } = parseWallClockTime(row.start);
    return hour * 60 + minute;
  });
  const placed = minutes
    .filter((m): m is number => m !== null && minutes.indexOf(m) === minutes.lastIndexOf(m))
    .sort((a, b) => a - b);
  return minutes.map((m) => {
    if (m === null || !placed.includes(m)) return null;
    const next = placed.find((v) => v > m) ?? (placed[0] ?? m) + 24 * 60;
    return next - m;
  });
}
