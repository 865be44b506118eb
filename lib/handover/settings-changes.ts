import {
  getParameter,
  isSettingCode,
  SETTING_CODES,
  SETTING_STEPS,
  supportKinds,
  type TDeviceType,
  type TParameterCode,
} from "@/lib/catalogue";
import type { TTimedValue } from "@/lib/scores/types";

/**
 * The device settings a handover reports (the items most often lost at handover, docs/clinical-reference.md §8): what
 * the console is set to, in the catalogue's order of settings, for the supports of a device type. What counts as a
 * change of each is the catalogue's too (SETTING_STEPS): the same as the bed's trend markers.
 */
export function settingCodesFor(deviceType: TDeviceType): TParameterCode[] {
  const kinds = supportKinds(deviceType);
  return SETTING_CODES.filter((code) => getParameter(code).supports.some((k) => kinds.includes(k)));
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
export function findSettingChanges(
  code: TParameterCode,
  before: TTimedValue | null,
  during: readonly TTimedValue[],
): TSettingChange[] {
  if (!isSettingCode(code)) throw new Error(`${code} is not a device setting`);
  const step = SETTING_STEPS[code];
  const changes: TSettingChange[] = [];
  let reference = before ? rounded(code, before.v) : null;
  for (const reading of during) {
    const value = rounded(code, reading.v);
    if (reference === null) {
      reference = value;
      continue;
    }
    // Compared after rounding to the catalogue's decimals: 3.5 → 3.6 L/min is a step of 0.1, not 0.0999….
    if (Math.abs(value - reference) >= step - 1e-9) {
      changes.push({ code, from: reference, to: value, at: reading.t });
      reference = value;
    }
  }
  return changes;
}
