import { baselinePhysiology } from "./baseline-physiology";
import { DAY, HOUR, ramp } from "./curves";
import type { TScenario } from "./physiology";

/** Heparin-induced thrombocytopenia typically starts 5–10 days after heparin exposure (4Ts "timing"). */
export const HIT_FROM = 5 * DAY;

/**
 * Platelets dip with the circuit's consumption, recover to a peak near 265 ×10⁹/L on day 4, then fall from day 5 to
 * about 70 by day 7: more than 50 % below the post-heparin peak, which should prompt a 4Ts screen.
 */
export const hitPlatelets: TScenario = {
  name: "hit_platelets",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const platelets =
      235 +
      ramp(scenarioMs, 0, 36 * HOUR, 0, -65) +
      ramp(scenarioMs, 36 * HOUR, 4 * DAY, 0, 95) +
      ramp(scenarioMs, HIT_FROM, 7 * DAY, 0, -195);
    return { ...base, platelets };
  },
};
