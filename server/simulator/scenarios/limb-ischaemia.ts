import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, ramp } from "./curves";
import type { TScenario } from "./physiology";

export const DPC_FAILING_FROM = 16 * HOUR;
export const NIRS_FALLING_FROM = 18 * HOUR;

/**
 * Limb ischaemia on the cannulated leg (Bonicolini 2019): the distal perfusion cannula's flow falls from 16 h (a kink
 * or a clot) to about 50 mL/min, then the leg's NIRS falls from 66 % to about 38 % by 30 h while the other leg stays
 * near 71 %: 20 points apart and below 50 % at about 24.5 h.
 */
export const limbIschaemia: TScenario = {
  name: "limb_ischaemia",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    return {
      ...base,
      dpcFlow: base.dpcFlow - ramp(scenarioMs, DPC_FAILING_FROM, 26 * HOUR, 0, 140),
      nirsCannulated: base.nirsCannulated - ramp(scenarioMs, NIRS_FALLING_FROM, 30 * HOUR, 0, 28),
    };
  },
};
