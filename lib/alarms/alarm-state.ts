import { z } from "zod";
import { ZDeviceType, ZParameterCode } from "@/lib/catalogue";
import { ZAlarmPriority, ZComparison, ZSourceRef } from "./rule-schema";

/** A reading as the evaluator needs it: a stored observation's sequence number, value (catalogue unit) and time. */
export const ZAlarmReading = z.object({
  seq: z.number().int(),
  parameter: z.string(),
  value: z.number(),
  observedAt: z.number(),
});
export type TAlarmReading = z.infer<typeof ZAlarmReading>;

/**
 * What the rules are judged in: a stay, and the support running in it. `deviceType` is the running episode's device,
 * null when no support runs (before cannulation, after a removal): then only the rules judged for the whole stay
 * apply (rule-schema.ts `wholeStay`, rule-inputs.ts rulesInForce).
 */
export const ZAlarmContext = z.object({
  deviceType: ZDeviceType.nullable(),
  /** The running episode's start; the stay's admission when none runs. */
  startedAt: z.number(),
  /** When heparin started, for the platelet peak; the episode start (cannulation) when absent. */
  heparinStartedAt: z.number().optional(),
  /** The patient's weight on file, kg: urine output per kg is judged only with it. */
  weightKg: z.number().positive().optional(),
  /**
   * The heparin infusion as the episode's settings record it (lib/episodes/heparin-run.ts): running or stopped, since
   * when. Absent when no rate was ever recorded: a rule judged only while heparin runs is then judged.
   */
  heparin: z.object({ running: z.boolean(), since: z.number() }).optional(),
});
export type TAlarmContext = z.infer<typeof ZAlarmContext>;

export const ZAlarmSample = z.object({ seq: z.number().int(), value: z.number(), observedAt: z.number() });
export type TAlarmSample = z.infer<typeof ZAlarmSample>;

/** An alarm that is raised: its condition holds, or it latched and waits for acknowledgement. */
export const ZRaisedAlarm = z.object({
  raisedAt: z.number(),
  /** The reading that raised it; null when a timer did. */
  seq: z.number().int().nullable(),
  conditionSince: z.number(),
  value: z.number(),
  limit: z.number(),
  comparison: ZComparison,
  /** False once the condition has cleared and the alarm only stands because it latched. */
  conditionActive: z.boolean(),
  acknowledgedAt: z.number().nullable(),
});
export type TRaisedAlarm = z.infer<typeof ZRaisedAlarm>;

/** What the evaluator remembers of one rule between calls. */
export const ZRuleState = z.object({
  /** When the condition was first met in its current run (the validation delay counts from here); null when not met. */
  conditionSince: z.number().nullable(),
  conditionSeq: z.number().int().nullable(),
  /** The latest judged value (in the unit of the rule's transitions). */
  lastValue: z.number().nullable(),
  alarm: ZRaisedAlarm.nullable(),
  // What particular kinds need to remember; absent for the others.
  /** fallFromPeak: the highest sample since heparin started. */
  peak: ZAlarmSample.optional(),
  /** fallAtSteadySetting: the setting in force since `since`, and the value measured once it had settled. */
  reference: z.object({ setting: z.number(), since: z.number(), value: z.number().nullable() }).optional(),
  /** fallWithinWindow: samples kept a sixth of the window apart, so that the state stays small. */
  checkpoints: z.array(z.object({ value: z.number(), observedAt: z.number() })).optional(),
  /** ratioRiseFromBaseline: sums over the baseline window, which starts at the first reading of either parameter. */
  baseline: z
    .object({
      from: z.number(),
      firstSum: z.number(),
      firstCount: z.number().int(),
      secondSum: z.number(),
      secondCount: z.number().int(),
    })
    .optional(),
  /** stoppedLongerThan: since when the parameter has read its stopped value; null while running. */
  stoppedSince: z.number().nullable().optional(),
  stoppedSeq: z.number().int().nullable().optional(),
});
export type TRuleState = z.infer<typeof ZRuleState>;

export function emptyRuleState(): TRuleState {
  return { conditionSince: null, conditionSeq: null, lastValue: null, alarm: null };
}

/** Everything the evaluator knows of one stay; serialisable, so that the engine can store it and resume. */
export const ZAlarmState = z.object({
  /** The newest reading of each parameter. */
  latest: z.partialRecord(ZParameterCode, ZAlarmSample),
  rules: z.record(z.string(), ZRuleState),
  /** The `now` of the last evaluation. */
  evaluatedAt: z.number().nullable(),
});
export type TAlarmState = z.infer<typeof ZAlarmState>;

export function emptyAlarmState(): TAlarmState {
  return { latest: {}, rules: {}, evaluatedAt: null };
}

/** A change the engine persists: an alarm raised or cleared. */
export const ZAlarmTransition = z.object({
  type: z.enum(["raised", "cleared"]),
  ruleId: z.string(),
  priority: ZAlarmPriority,
  messageKey: z.string(),
  /** The rule's first parameter, for the message's label; null for the bed's feed. */
  parameter: ZParameterCode.nullable(),
  value: z.number(),
  limit: z.number(),
  comparison: ZComparison,
  /** UCUM unit of value and limit: the parameter's, "%" for relative changes, "ms" for durations. */
  unit: z.string(),
  /** The reading's time, or the evaluation's `now` when a timer decided. */
  observedAt: z.number(),
  /** The reading that raised the alarm (on `cleared` too, to name which alarm ends); null when a timer raised it. */
  seq: z.number().int().nullable(),
  /** On `raised`: when the condition began, before the validation delay ran out. */
  conditionSince: z.number(),
  /** On `cleared`: the reading that cleared it; null when a timer, a supersession or the clock did. */
  clearedBySeq: z.number().int().nullable(),
  /** On `cleared`: the condition has gone but the alarm stays raised until it is acknowledged. */
  latched: z.boolean(),
  /** On `raised`: the condition of a latched, unacknowledged alarm came back; the same alarm, not a new one. */
  resumed: z.boolean(),
  /** On `cleared`: a higher-priority rule of the same family took over. */
  supersededBy: z.string().nullable(),
  prompt: z.enum(["fourTsScreen"]).nullable(),
  /** On `cleared`: the reading that raised it no longer stands (lib/alarms/withdraw-results.ts). */
  withdrawal: z.enum(["result-corrected", "result-cancelled", "result-replaced"]).optional(),
  /** The source of the limit in force: a catalogue target's when the rule follows one, else the rule's. */
  source: ZSourceRef,
});
export type TAlarmTransition = z.infer<typeof ZAlarmTransition>;
