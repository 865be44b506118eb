import { z } from "zod";

/** A local wall-clock time "HH:MM", 00:00–23:59. */
export const ZWallClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a local time "HH:MM" between 00:00 and 23:59' });

/**
 * One shift of a unit's day: it starts at `start` (local time, in the unit's zone) and runs until the next shift's
 * start. `name` is a short code ("day", "night", "evening"): the screens translate the known ones and show any other
 * as typed.
 */
export const ZShiftDefinition = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N} _-]+$/u, { message: "A shift name holds letters, digits, spaces, '-' or '_' only" }),
  start: ZWallClockTime,
});

/**
 * A unit's shift pattern: the shifts of one day, each ending where the next begins; the last one ends at the first
 * one's start on the next day. Any order is accepted and kept sorted by start time.
 */
export const ZShiftPattern = z
  .object({ shifts: z.array(ZShiftDefinition).min(1).max(6) })
  .superRefine(({ shifts }, ctx) => {
    const seenStarts = new Set<string>();
    const seenNames = new Set<string>();
    shifts.forEach((shift, index) => {
      if (seenStarts.has(shift.start)) {
        ctx.addIssue({
          code: "custom",
          path: ["shifts", index, "start"],
          message: `Two shifts start at ${shift.start}`,
        });
      }
      if (seenNames.has(shift.name.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: ["shifts", index, "name"],
          message: `Two shifts are named "${shift.name}"`,
        });
      }
      seenStarts.add(shift.start);
      seenNames.add(shift.name.toLowerCase());
    });
  })
  .transform(({ shifts }) => ({ shifts: [...shifts].sort((a, b) => a.start.localeCompare(b.start)) }));
export type TShiftPattern = z.infer<typeof ZShiftPattern>;

/** The pattern of a unit that has none configured: 07:00–19:00 and 19:00–07:00. */
export const DEFAULT_SHIFT_PATTERN: TShiftPattern = Object.freeze({
  shifts: [
    { name: "day", start: "07:00" },
    { name: "night", start: "19:00" },
  ],
});

/** "19:30" → { hour: 19, minute: 30 }. */
export function parseWallClockTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = ZWallClockTime.parse(time).split(":").map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}
