import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, ramp } from "./curves";
import type { TScenario } from "./physiology";

/** The heparin dose is raised after a borderline-low anti-Xa, then lowered when the control comes back high. */
export const HEPARIN_INCREASE_AT = 26 * HOUR;
export const HEPARIN_DECREASE_AT = 44 * HOUR;

/**
 * Anti-Xa drifting out of range after a heparin change: about 0.33 IU/mL (low in the ECMO target), the dose is
 * raised at 26 h, and the control 6 h later reads about 0.7 (above 0.5; ELSO: > 0.7 hold heparin). The dose is
 * lowered at 44 h and anti-Xa settles near 0.42.
 */
export const antiXaDrift: TScenario = {
  name: "anti_xa_drift",
  heparinChangesAt: [HEPARIN_INCREASE_AT, HEPARIN_DECREASE_AT],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const antiXa =
      ramp(scenarioMs, 0, 12 * HOUR, 0.15, 0.33) +
      ramp(scenarioMs, HEPARIN_INCREASE_AT, HEPARIN_INCREASE_AT + 6 * HOUR, 0, 0.38) +
      ramp(scenarioMs, HEPARIN_DECREASE_AT, HEPARIN_DECREASE_AT + 6 * HOUR, 0, -0.29);
    return { ...base, antiXa };
  },
};
