import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { getParameter } from "@/lib/catalogue";
import type { TLimitSource } from "./alarm-dto";
import type { TAlarmRule, TThresholdRule } from "./rule-schema";

/**
 * What an override may change: the fixed limit of a threshold rule. Trends, derived values and timers keep their
 * defaults (their numbers are definitions from the literature, not a patient's operating point).
 */
export const ZLimitOverrideLimits = z.object({ value: z.number().finite() });
export type TLimitOverrideLimits = z.infer<typeof ZLimitOverrideLimits>;

/** Whose limit an override changes: a unit's, or one patient's episode's (which beats the unit's). */
export const LIMIT_SCOPES = ["unit", "episode"] as const;
export type TLimitScope = (typeof LIMIT_SCOPES)[number];

export const ZSetLimitOverrideSchema = z
  .object({
    ruleId: z.string().min(1).max(80),
    scope: z.enum(LIMIT_SCOPES),
    unitId: z.string().min(1).max(64),
    /** Required for an episode's override. */
    episodeId: z.string().min(1).max(64).optional(),
    /** The new limit; null withdraws the override (back to the unit's, then the default). */
    limits: ZLimitOverrideLimits.nullable(),
    reason: ZClinicalText({ max: 500, multiline: true }).min(3, "say why the limit changes"),
  })
  .refine((o) => o.scope === "unit" || o.episodeId !== undefined, {
    message: "an episode's override names the episode",
    path: ["episodeId"],
  });

/** The newest version of one override, as the engine applies it. */
export interface TLimitOverride {
  readonly id: string;
  readonly ruleId: string;
  readonly scope: TLimitScope;
  readonly limits: TLimitOverrideLimits | null;
}

/** Where the limit in force of a rule comes from, for the screen: the source and the override's id or the citation. */
export interface TLimitProvenance {
  readonly source: TLimitSource;
  readonly ref: string;
}

export function isOverridable(
  rule: TAlarmRule,
): rule is TThresholdRule & { limit: { comparison: "gte" | "gt" | "lte" | "lt"; value: number } } {
  return rule.kind === "threshold" && rule.limit.comparison !== "outsideTarget";
}

/** Says what is wrong with a new limit for a rule, or null: only fixed thresholds, within the parameter's plausible range. */
export function checkLimitOverride(rule: TAlarmRule | undefined, limits: TLimitOverrideLimits): string | null {
  if (!rule) return "no such rule";
  if (!isOverridable(rule)) return `rule ${rule.id} has no fixed limit to change`;
  const { min, max } = getParameter(rule.parameter).plausible;
  if (limits.value < min || limits.value > max)
    return `limit ${limits.value} is outside the plausible range of ${rule.parameter} (${min}–${max})`;
  return null;
}

/**
 * The rules in force for one episode: the unit's overrides on the defaults, then the episode's on those. A withdrawn
 * override (limits null) leaves the level below in force. Pure; the provenance says where each limit came from.
 */
export function applyLimitOverrides(
  rules: readonly TAlarmRule[],
  overrides: readonly TLimitOverride[],
): { rules: TAlarmRule[]; provenance: Map<string, TLimitProvenance> } {
  const provenance = new Map<string, TLimitProvenance>();
  const byRule = new Map<string, { unit?: TLimitOverride; episode?: TLimitOverride }>();
  for (const o of overrides) byRule.set(o.ruleId, { ...byRule.get(o.ruleId), [o.scope]: o });
  const inForce = rules.map((rule) => {
    const found = byRule.get(rule.id);
    const chosen = found?.episode?.limits ? found.episode : found?.unit?.limits ? found.unit : undefined;
    if (!chosen?.limits || !isOverridable(rule)) {
      provenance.set(rule.id, {
        source: rule.kind === "threshold" && rule.limit.comparison === "outsideTarget" ? "catalogue-target" : "default",
        ref: rule.source.id,
      });
      return rule;
    }
    provenance.set(rule.id, {
      source: chosen.scope === "episode" ? "episode-override" : "unit-override",
      ref: chosen.id,
    });
    return { ...rule, limit: { ...rule.limit, value: chosen.limits.value } };
  });
  return { rules: inForce, provenance };
}
