import { z } from "zod";
import { ZDeviceType, ZParameterCode } from "@/lib/catalogue";

/** IEC 60601-1-8 priorities, plus technical for conditions of the system rather than of the patient. */
export const ALARM_PRIORITIES = ["high", "medium", "low", "technical"] as const;
export const ZAlarmPriority = z.enum(ALARM_PRIORITIES);
export type TAlarmPriority = z.infer<typeof ZAlarmPriority>;

/** How a value stands against its limit when the alarm condition holds: "gte" reads value ≥ limit. */
export const COMPARISONS = ["gte", "gt", "lte", "lt"] as const;
export const ZComparison = z.enum(COMPARISONS);
export type TComparison = z.infer<typeof ZComparison>;

export const ZSourceRef = z.object({ id: z.string().min(1), citation: z.string().min(1) });

/** What every rule says, whatever its kind. */
const ruleBase = {
  /** Stable: alarms are stored and acknowledged under it, and units override a default rule by it. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case"),
  /** While an episode runs, the rule applies when its device is one of these. */
  deviceTypes: z.array(ZDeviceType).min(1),
  /**
   * Judged for the whole stay: also while no support runs (a lab, a limb or nursing value of an admitted patient, a
   * lactate before cannulation, a limb check after an IABP's removal). A device's rule, a timer of the support's
   * monitoring schedule or a rule tied to heparin leaves it unset: it applies only while an episode of its device runs.
   */
  wholeStay: z.boolean().optional(),
  priority: ZAlarmPriority,
  /** The condition must hold this long before the alarm is raised; 0 for lab results, each a single sample. */
  validationDelayMs: z.number().int().min(0),
  /** A latching alarm stays raised after its condition clears, until someone acknowledges it. */
  latching: z.boolean(),
  /** Rules of one family judge the same thing at different severities: the higher priority raised supersedes. */
  family: z.string().min(1).optional(),
  /** A task the engine offers with the alarm: a prompt, never a diagnosis. */
  prompt: z.enum(["fourTsScreen"]).optional(),
  /** Key of the message under the alarm namespace of the i18n catalogue. */
  messageKey: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "camelCase"),
  source: ZSourceRef,
};

/** In the parameter's unit: a raised alarm clears only once the value is back past limit ± hysteresis. */
const hysteresis = z.number().min(0);

const ZThresholdLimit = z.discriminatedUnion("comparison", [
  z.object({ comparison: ZComparison, value: z.number() }),
  /** Outside the catalogue's default target for the episode's device type (anti-Xa: ECMO 0.3–0.5, IABP 0.3–0.4). */
  z.object({ comparison: z.literal("outsideTarget") }),
]);

export const ZThresholdRule = z.object({
  ...ruleBase,
  kind: z.literal("threshold"),
  parameter: ZParameterCode,
  limit: ZThresholdLimit,
  hysteresis,
});

const ZTrend = z.discriminatedUnion("measure", [
  /** The latest sample exceeds the one before it by at least `by` (parameter unit). */
  z.object({ measure: z.literal("riseBetweenSamples"), by: z.number().positive() }),
  /**
   * The latest sample is more than `pct` % below the highest since heparin started (the episode start unless the
   * episode says otherwise); `early` adds a smaller fall that counts only between two elapsed days.
   */
  z.object({
    measure: z.literal("fallFromPeak"),
    pct: z.number().positive().max(100),
    early: z
      .object({ pct: z.number().positive().max(100), fromDay: z.number().min(0), toDay: z.number().min(0) })
      .optional(),
  }),
  /**
   * At least `pct` % below the value measured once `setting` had been steady for `settleMs`; a change of the
   * setting by more than `settingTolerance` takes a new reference.
   */
  z.object({
    measure: z.literal("fallAtSteadySetting"),
    pct: z.number().positive().max(100),
    setting: ZParameterCode,
    settingTolerance: z.number().min(0),
    settleMs: z.number().int().min(0),
  }),
  /** Above `level` (parameter unit) and higher than the sample before: "LDH > 1000 and rising". */
  z.object({ measure: z.literal("riseAboveLevel"), level: z.number() }),
  /**
   * The mean of the samples of the last `windowMs`, per kg of the weight on file, below `perKg` (parameter unit per
   * kg): urine output in mL/kg/h. Judged once the samples cover the window (the oldest kept is at most one catalogue
   * interval after its start) and only with a weight on file.
   */
  z.object({
    measure: z.literal("meanPerKgWithinWindow"),
    perKg: z.number().positive(),
    windowMs: z.number().int().positive(),
  }),
  /** At least `by` (parameter unit) below the highest value of the last `windowMs`: a refill raises that highest. */
  z.object({
    measure: z.literal("fallWithinWindow"),
    by: z.number().positive(),
    windowMs: z.number().int().positive(),
  }),
]);

export const ZTrendRule = z.object({
  ...ruleBase,
  kind: z.literal("trend"),
  parameter: ZParameterCode,
  trend: ZTrend,
  hysteresis,
});

const ZDerivation = z.discriminatedUnion("derive", [
  /** |first − second| ≥ limit, both read within the staleness window of each other. */
  z.object({
    derive: z.literal("difference"),
    parameters: z.tuple([ZParameterCode, ZParameterCode]),
    limit: z.number().positive(),
  }),
  /**
   * first / second at least `pct` % above the ratio of their means over the first `baselineWindowMs` of readings;
   * judged only once the baseline has covered `minBaselineMs`.
   */
  z.object({
    derive: z.literal("ratioRiseFromBaseline"),
    parameters: z.tuple([ZParameterCode, ZParameterCode]),
    pct: z.number().positive(),
    baselineWindowMs: z.number().int().positive(),
    minBaselineMs: z.number().int().min(0),
  }),
]);

export const ZDerivedRule = z.object({ ...ruleBase, kind: z.literal("derived"), derived: ZDerivation, hysteresis });

export const ZAbsenceRule = z.object({
  ...ruleBase,
  kind: z.literal("absence"),
  parameter: ZParameterCode,
  /** No sample for longer than this (from the episode start while there is none) raises the alarm. */
  maxAgeMs: z.number().int().positive(),
  /** A shorter interval while the last sample is at or above a value (lactate: every 4 h once ≥ 2). */
  shorterWhenAtLeast: z.object({ value: z.number(), maxAgeMs: z.number().int().positive() }).optional(),
  /**
   * Judged only while the episode's heparin runs (anti-Xa monitors heparin): no alarm while it is stopped, an open
   * one ends when it stops, and the interval counts again from its restart (TAlarmContext.heparin).
   */
  whileHeparinRuns: z.boolean().optional(),
});

const ZTechnicalCondition = z.discriminatedUnion("condition", [
  /** No device reading from the bed for longer than `staleFactor` × the shortest catalogue interval of its devices. */
  z.object({ condition: z.literal("feedStale"), staleFactor: z.number().positive() }),
  /** `parameter` has read `stoppedValue` for longer than `limitMs`, counted on even while the feed is silent. */
  z.object({
    condition: z.literal("stoppedLongerThan"),
    parameter: ZParameterCode,
    stoppedValue: z.number(),
    limitMs: z.number().int().positive(),
  }),
]);

export const ZTechnicalRule = z.object({ ...ruleBase, kind: z.literal("technical"), technical: ZTechnicalCondition });

export const ZAlarmRule = z.discriminatedUnion("kind", [
  ZThresholdRule,
  ZTrendRule,
  ZDerivedRule,
  ZAbsenceRule,
  ZTechnicalRule,
]);
export type TAlarmRule = z.infer<typeof ZAlarmRule>;
export type TThresholdRule = z.infer<typeof ZThresholdRule>;
export type TTrendRule = z.infer<typeof ZTrendRule>;
export type TDerivedRule = z.infer<typeof ZDerivedRule>;
export type TAbsenceRule = z.infer<typeof ZAbsenceRule>;
export type TTechnicalRule = z.infer<typeof ZTechnicalRule>;
export type TAlarmRuleInput = z.input<typeof ZAlarmRule>;

/** A set of rules in force: ids unique, and no two rules of a family at one priority (neither could supersede the other). */
export const ZAlarmRuleSet = z.array(ZAlarmRule).superRefine((rules, ctx) => {
  const ids = new Set<string>();
  const familyPriorities = new Set<string>();
  rules.forEach((rule, index) => {
    if (ids.has(rule.id))
      ctx.addIssue({ code: "custom", message: `Duplicate rule id ${rule.id}`, path: [index, "id"] });
    ids.add(rule.id);
    if (rule.family === undefined) return;
    const key = `${rule.family}|${rule.priority}`;
    if (familyPriorities.has(key))
      ctx.addIssue({
        code: "custom",
        message: `Two ${rule.priority} rules in family ${rule.family}`,
        path: [index, "priority"],
      });
    familyPriorities.add(key);
  });
});
