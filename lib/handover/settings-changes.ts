import { getParameter, type TDeviceType, type TParameterCode, supportKinds } from "@/lib/catalogue";
import type { TTimedValue } from "@/lib/scores/types";

/**
 * The device settings a handover reports (the items most often lost at handover, docs/clinical-reference.md §8): what the console
 * is set to, stored as observations. `minChange` is the smallest step that counts as a change of setting: the pump
 * speed is the measured one and wanders by a few rpm around its set point (the simulator's noise is 4 rpm), so
 * only a step of 50 rpm or more is a change of setting; the others are set values that move only when someone
 * turns a knob.
 */
export const SETTING_PARAMETERS: readonly { readonly code: TParameterCode; readonly minChange: number }[] = [
  { code: "ecmo_rpm", minChange: 50 },
  { code: "ecmo_sweep", minChange: 0.1 },
  { code: "ecmo_fdo2", minChange: 1 },
  { code: "iabp_ratio", minChange: 1 },
  { code: "iabp_pumping", minChange: 1 },
];

/** The settings a device type has, in the order above. */
export function settingCodesFor(deviceType: TDeviceType): TParameterCode[] {
  const kinds = supportKinds(deviceType);
  return SETTING_PARAMETERS.filter((s) => getParameter(s.code).supports.some((k) => kinds.includes(k))).map((s) => s.code);
}

export interface TSettingChange {
  readonly code: TParameterCode;
  readonly from: number;
  readonly to: number;
  /** The first reading at the new setting. */
  readonly at: number;
}

function rounded(code: TParameterCode, value: number): number {
  return Number(value.toFixed(getParameter(code).decimals));
}

/**
 * The changes of one setting within a shift: `before` is the last reading before the shift (null when the episode
 * started during it, in which case the first reading sets the reference and is not a change), `during` the
 * readings of the shift in time order.
 */
export function findSettingChanges(code: TParameterCode, before: TTimedValue | null, during: readonly TTimedValue[]): TSettingChange[] {
  const setting = SETTING_PARAMETERS.find((s) => s.code === code);
  if (!setting) throw new Error(`${code} is not a device setting`);
  const changes: TSettingChange[] = [];
  let reference = before ? rounded(code, before.v) : null;
  for (const reading of during) {
    const value = rounded(code, reading.v);
    if (reference === null) {
      reference = value;
      continue;
    }
    // Compared after rounding to the catalogue's decimals: 3.5 → 3.6 L/min is a step of 0.1, not 0.0999….
    if (Math.abs(value - reference) >= setting.minChange - 1e-9) {
      changes.push({ code, from: reference, to: value, at: reading.t });
      reference = value;
    }
  }
  return changes;
}
