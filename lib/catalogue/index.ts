import { PARAMETER_CODES, type TParameterCode } from "./codes";
import { PARAMETERS } from "./parameters";
import type { TDeviceType, TParameter, TSupportKind, TTargetRange } from "./types";

export * from "./codes";
export * from "./types";
export { SOURCES } from "./sources";
export { CLINICAL_LIMITS } from "./clinical-limits";
export { isSettingCode, SETTING_CODES, SETTING_STEPS, type TSettingCode } from "./setting-steps";

const BY_CODE: ReadonlyMap<string, TParameter> = new Map(PARAMETERS.map((p) => [p.code, p]));

export const CATALOGUE: readonly TParameter[] = PARAMETERS;

export function getParameter(code: TParameterCode): TParameter {
  const parameter = BY_CODE.get(code);
  // The codes list and the catalogue are checked against each other by catalogue.test.ts.
  if (!parameter) throw new Error(`Parameter ${code} is missing from the catalogue`);
  return parameter;
}

/** A parameter's unit as a person reads it in a language (UI/mL in French for IU/mL). */
export function unitText(parameter: TParameter, locale: "en" | "fr"): string {
  return locale === "fr" ? (parameter.unitDisplayFr ?? parameter.unitDisplay) : parameter.unitDisplay;
}

export function findParameter(code: string): TParameter | undefined {
  return BY_CODE.get(code);
}

export function isParameterCode(code: string): code is TParameterCode {
  return (PARAMETER_CODES as readonly string[]).includes(code);
}

/** The supports whose targets apply: a VA-ECMO patient with an IABP is governed by the ECMO targets first. */
export function supportKinds(deviceType: TDeviceType): readonly TSupportKind[] {
  switch (deviceType) {
    case "VA_ECMO":
      return ["VA_ECMO"];
    case "IABP":
      return ["IABP"];
    case "VA_ECMO_IABP":
      return ["VA_ECMO", "IABP"];
  }
}

/**
 * A support device's own parameter (ECMO circuit and pressures, the IABP console's helium, ratio, pumping and
 * pressures): it can only be measured while that support runs, so the write path refuses it outside a running
 * episode of a device that measures it. Labs, limb perfusion, haemodynamics and nursing values belong to the stay and
 * are accepted with no support running (a lactate before cannulation, limb checks after an IABP's removal).
 */
export function isSupportDeviceParameter(parameter: TParameter): boolean {
  return parameter.group === "ecmo_circuit" || parameter.group === "ecmo_pressures" || parameter.group === "iabp";
}

/** The parameters measured for a device type, in catalogue order. */
export function parametersFor(deviceType: TDeviceType): readonly TParameter[] {
  const kinds = supportKinds(deviceType);
  return PARAMETERS.filter((p) => p.supports.some((s) => kinds.includes(s)));
}

/** The default target in force for a parameter on a device type, or undefined when the catalogue sets none. */
export function defaultTarget(code: TParameterCode, deviceType: TDeviceType): TTargetRange | undefined {
  const parameter = getParameter(code);
  for (const kind of supportKinds(deviceType)) {
    const target = parameter.targets[kind];
    if (target) return target;
  }
  return undefined;
}

/**
 * The parameters measured in a scope: a device type's, or with no support running (null) the stay's own (labs, limbs,
 * monitoring, nursing: everything but a support device's), in catalogue order.
 */
export function parametersIn(deviceType: TDeviceType | null): readonly TParameter[] {
  return deviceType ? parametersFor(deviceType) : PARAMETERS.filter((p) => !isSupportDeviceParameter(p));
}

/**
 * The target in force in a scope. With no support running, only a target that every support shares applies
 * (lactate, limb NIRS): a device's own (the anti-Xa range of heparin on ECMO or on a balloon) means nothing without it.
 */
export function targetIn(code: TParameterCode, deviceType: TDeviceType | null): TTargetRange | undefined {
  if (deviceType) return defaultTarget(code, deviceType);
  const ecmo = getParameter(code).targets.VA_ECMO;
  const iabp = getParameter(code).targets.IABP;
  return ecmo && iabp && ecmo.low === iabp.low && ecmo.high === iabp.high ? ecmo : undefined;
}

export type TTargetStatus = "in" | "low" | "high" | "none";

export function targetStatus(value: number, target: TTargetRange | undefined): TTargetStatus {
  if (!target) return "none";
  if (target.low !== undefined && (target.lowExclusive ? value <= target.low : value < target.low)) return "low";
  if (target.high !== undefined && (target.highExclusive ? value >= target.high : value > target.high)) return "high";
  return "in";
}
