import type { TParameterCode } from "./codes";

/**
 * The parameters that are settings the team sets on a device (stored as observations like any reading), each with
 * the smallest difference that is a change of setting. Pump speed is the measured one and wanders by a few rpm
 * around its set point (the simulator's noise is 4 rpm) while a speed step is tens to hundreds of rpm, so only 50 rpm
 * or more is a change; the others are reported exactly as set, so one displayed unit is a change. IABP pumping (0/1)
 * is here because a stopped balloon is the team's act too. The bed's trend markers and the handover's list of
 * changes both read it, in this order.
 */
export const SETTING_STEPS = {
  ecmo_rpm: 50,
  ecmo_sweep: 0.1,
  ecmo_fdo2: 1,
  iabp_ratio: 1,
  iabp_pumping: 1,
} as const satisfies Partial<Record<TParameterCode, number>>;
export type TSettingCode = keyof typeof SETTING_STEPS;
export const SETTING_CODES = Object.keys(SETTING_STEPS) as readonly TSettingCode[];

export function isSettingCode(code: string): code is TSettingCode {
  return Object.hasOwn(SETTING_STEPS, code);
}
