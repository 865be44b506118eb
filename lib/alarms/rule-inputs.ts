import { parametersFor, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import type { TAlarmPriority, TAlarmRule } from "./rule-schema";

const PRIORITY_RANK: Readonly<Record<TAlarmPriority, number>> = { high: 0, medium: 1, low: 2, technical: 3 };

/** True when `a` outranks `b`: within a family, a raised alarm of higher priority supersedes a lower one. */
export function outranks(a: TAlarmPriority, b: TAlarmPriority): boolean {
  return PRIORITY_RANK[a] < PRIORITY_RANK[b];
}

/**
 * The rules that apply to what runs: a device type's while its episode runs, only those judged for the whole stay
 * (`wholeStay`) when none does (null). Highest priority first, so that within one reading a family's higher rule is
 * judged (and raised or cleared) before the lower one asks whether it is superseded.
 */
export function rulesInForce(rules: readonly TAlarmRule[], deviceType: TDeviceType | null): TAlarmRule[] {
  return rules
    .filter((r) => (deviceType === null ? r.wholeStay === true : r.deviceTypes.includes(deviceType)))
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
}

/** The device parameters of a device type: any of their readings shows the bed's feed alive. None without support. */
export function deviceParameters(deviceType: TDeviceType | null): TParameterCode[] {
  if (deviceType === null) return [];
  return parametersFor(deviceType)
    .filter((p) => p.sourceKind === "device")
    .map((p) => p.code);
}

/**
 * The station's definition of a stale bed (lib/station/prepare-tile.ts): its newest device reading is older than the
 * factor × the shortest expected interval of its device parameters.
 */
export function feedStaleLimitMs(staleFactor: number, deviceType: TDeviceType | null): number {
  // No support, no device feed: never stale (the feedStale rule is not in force then).
  if (deviceType === null) return Number.POSITIVE_INFINITY;
  const shortestSec = Math.min(
    ...parametersFor(deviceType)
      .filter((p) => p.sourceKind === "device")
      .map((p) => p.expectedIntervalSec),
  );
  return staleFactor * shortestSec * 1000;
}

/** The parameters whose readings a rule judges. */
export function ruleInputs(rule: TAlarmRule, deviceType: TDeviceType | null): readonly TParameterCode[] {
  switch (rule.kind) {
    case "threshold":
    case "absence":
      return [rule.parameter];
    case "trend":
      return rule.trend.measure === "fallAtSteadySetting" ? [rule.parameter, rule.trend.setting] : [rule.parameter];
    case "derived":
      return rule.derived.parameters;
    case "technical":
      return rule.technical.condition === "feedStale" ? deviceParameters(deviceType) : [rule.technical.parameter];
  }
}

/** The parameter a rule's message names; null for the bed's feed as a whole. */
export function primaryParameter(rule: TAlarmRule): TParameterCode | null {
  switch (rule.kind) {
    case "threshold":
    case "absence":
    case "trend":
      return rule.parameter;
    case "derived":
      return rule.derived.parameters[0];
    case "technical":
      return rule.technical.condition === "feedStale" ? null : rule.technical.parameter;
  }
}
