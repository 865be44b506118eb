import { z } from "zod";
import { ZAlarmPriority, ZComparison, ZSourceRef } from "./rule-schema";

const ZOverrideVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  /** Null: withdrawn. */
  value: z.number().nullable(),
  reason: z.string(),
  by: z.string(),
  at: z.number(),
});
export type TOverrideVersion = z.infer<typeof ZOverrideVersion>;

/** A rule whose limit a physician may change, with the default and every override in force (GET …/alarm-limits). */
export const ZAlarmLimitRow = z.object({
  ruleId: z.string(),
  priority: ZAlarmPriority,
  parameter: z.string(),
  comparison: ZComparison,
  unit: z.string(),
  defaultValue: z.number(),
  /** The reference behind the default, named on the screen from the catalogue (messages `sources`). */
  source: ZSourceRef,
  /** The unit's newest version, if any (withdrawn ones included, value null). */
  unitOverride: ZOverrideVersion.nullable(),
  /** The newest version of each open episode of the unit that has one. */
  episodes: z.array(ZOverrideVersion.extend({ episodeId: z.string(), bedLabel: z.string() })),
});
export type TAlarmLimitRow = z.infer<typeof ZAlarmLimitRow>;

export const ZAlarmLimits = z.object({
  unitId: z.string(),
  rules: z.array(ZAlarmLimitRow),
  /** The unit's open episodes, for an episode's override. */
  episodes: z.array(z.object({ episodeId: z.string(), bedLabel: z.string() })),
});
export type TAlarmLimits = z.infer<typeof ZAlarmLimits>;
