import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, progress } from "./curves";
import type { TScenario } from "./physiology";

/** Support falls short from 20 h: the output the circuit gives no longer meets the need. */
export const FAILING_FROM = 20 * HOUR;
const FAILING_UNTIL = 40 * HOUR;

/**
 * Insufficient support: after clearing to its nadir, lactate climbs again, past 2 mmol/L (SCAI C) at about 24.5 h
 * and past 4 at about 30 h, to near 7; MAP drifts below 65, the heart speeds up, urine output and limb NIRS fall.
 */
export const risingLactate: TScenario = {
  name: "rising_lactate",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const failing = progress(scenarioMs, FAILING_FROM, FAILING_UNTIL);
    return {
      ...base,
      lactate: base.lactate + 5.6 * failing,
      map: base.map - 15 * failing,
      hr: base.hr + 26 * failing,
      urineOutput: base.urineOutput * (1 - 0.75 * failing),
      nirsCannulated: base.nirsCannulated - 9 * failing,
      nirsOther: base.nirsOther - 9 * failing,
    };
  },
};
