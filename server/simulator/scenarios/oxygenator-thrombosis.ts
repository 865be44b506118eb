import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, ramp } from "./curves";
import type { TScenario } from "./physiology";

export const CLOTTING_FROM = 28 * HOUR;

/**
 * Oxygenator thrombosis (Lubnow 2014): from 28 h the oxygenator's ΔP per L/min climbs from 4.2 to about 9 (30 %
 * above baseline near 35 h), LDH rises past 1000 U/L and plasma free Hb past 50 mg/dL, the clot consumes platelets
 * and fibrinogen, and flow at the same pump speed drops a little.
 */
export const oxygenatorThrombosis: TScenario = {
  name: "oxygenator_thrombosis",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const flow = base.ecmoFlow - ramp(scenarioMs, 36 * HOUR, 72 * HOUR, 0, 0.3);
    return {
      ...base,
      ecmoFlow: flow,
      ecmoPven: base.ecmoPven + 12 * (base.ecmoFlow - flow),
      ecmoDpPerFlow: base.ecmoDpPerFlow + ramp(scenarioMs, CLOTTING_FROM, 60 * HOUR, 0, 5),
      ldh: base.ldh + ramp(scenarioMs, 30 * HOUR, 72 * HOUR, 0, 1300),
      freeHb: base.freeHb + ramp(scenarioMs, 32 * HOUR, 72 * HOUR, 0, 60),
      platelets: base.platelets - ramp(scenarioMs, CLOTTING_FROM, 72 * HOUR, 0, 35),
      fibrinogen: base.fibrinogen - ramp(scenarioMs, CLOTTING_FROM, 72 * HOUR, 0, 1.2),
    };
  },
};
