import { z } from "zod";
import { ZAlarmDto } from "./alarm-dto";
import { ZAlarmPriority } from "./rule-schema";

/** A bed's alarm history (GET /api/beds/:bedId/alarms). */
export const ZBedAlarmHistory = z.object({
  bedId: z.string(),
  label: z.string(),
  /**
   * The bed's open stay, whose alarms these are (with or without support running); null for an empty bed: a previous
   * patient's alarms are not shown at the bed of the next one.
   */
  stayId: z.string().nullable(),
  alarms: z.array(ZAlarmDto),
  /** True when older alarms exist beyond those shown. */
  truncated: z.boolean(),
});
export type TBedAlarmHistory = z.infer<typeof ZBedAlarmHistory>;

const ZCounts = z.record(ZAlarmPriority, z.number().int().nonnegative());
export const ZShiftBurden = z.object({
  /** The shift of the unit's pattern (lib/shifts): its name ("day", "night", or a unit's own) and local start time. */
  name: z.string(),
  startTime: z.string(),
  start: z.number(),
  end: z.number(),
  /** Alarms raised in the shift, per bed and priority. */
  beds: z.array(z.object({ bedId: z.string(), label: z.string(), counts: ZCounts, total: z.number().int() })),
  counts: ZCounts,
  total: z.number().int(),
});
/** Alarm burden of a unit (GET /api/units/:unitId/alarms/burden): the current shift and the one before. */
export const ZAlarmBurden = z.object({
  unitId: z.string(),
  timeZone: z.string(),
  current: ZShiftBurden,
  previous: ZShiftBurden,
});
export type TAlarmBurden = z.infer<typeof ZAlarmBurden>;
