import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, MINUTE, ramp } from "./curves";
import type { TScenario } from "./physiology";

export const RATIO_1_2_AT = 40 * HOUR;
export const RATIO_1_4_AT = 46 * HOUR;

/**
 * Weaning by assist ratio (docs/clinical-reference.md §6): 1:1 until 40 h, 1:2 for 6 h, then 1:4, each step tolerated
 * (pressure a little lower, lactate unchanged). Removal ends the episode, which is the team's act, not the simulator's:
 * the scenario stays at 1:4.
 */
export const iabpWeaning: TScenario = {
  name: "iabp_weaning",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const iabpRatio = scenarioMs < RATIO_1_2_AT ? base.iabpRatio : scenarioMs < RATIO_1_4_AT ? 2 : 4;
    const step = (at: number, size: number) => ramp(scenarioMs, at, at + 20 * MINUTE, 0, size);
    return {
      ...base,
      iabpRatio,
      map: base.map - step(RATIO_1_2_AT, 2) - step(RATIO_1_4_AT, 3),
      hr: base.hr + step(RATIO_1_2_AT, 3) + step(RATIO_1_4_AT, 3),
    };
  },
};
