import { baselinePhysiology } from "./baseline-physiology";
import { HOUR, MINUTE, ramp } from "./curves";
import type { TScenario } from "./physiology";

export const LEAK_FROM = 20 * HOUR;
/** Per hour, in % of the reserve: far faster than the console's own consumption (0.15 %/h). */
const LEAK_RATE = 6;
/** The console stops pumping when it can no longer fill the balloon. */
const STOP_LEVEL = 5;

/**
 * Helium leak: from 20 h the reserve falls without any refill, crosses the 20 % low-reserve flag at about 30 h, and
 * at 5 % (about 32.8 h) the console stops: iabp_pumping 0, no augmentation, pressure falls and lactate creeps up.
 * The balloon then lies still in the aorta, which the "pump stopped" timer is for.
 */
export const iabpHeliumLeak: TScenario = {
  name: "iabp_helium_leak",
  heparinChangesAt: [],
  physiologyAt(scenarioMs, context) {
    const base = baselinePhysiology(scenarioMs, context);
    const atLeak = baselinePhysiology(LEAK_FROM, context).heliumLevel;
    const stopAt = LEAK_FROM + ((atLeak - STOP_LEVEL) / LEAK_RATE) * HOUR;
    if (scenarioMs < LEAK_FROM) return base;
    const heliumLevel = Math.max(STOP_LEVEL, atLeak - (LEAK_RATE * (scenarioMs - LEAK_FROM)) / HOUR);
    const pumping = scenarioMs < stopAt;
    return {
      ...base,
      heliumLevel,
      iabpPumping: pumping,
      map: base.map - ramp(scenarioMs, stopAt, stopAt + 30 * MINUTE, 0, 9),
      hr: base.hr + ramp(scenarioMs, stopAt, stopAt + 30 * MINUTE, 0, 10),
      lactate: base.lactate + ramp(scenarioMs, stopAt, stopAt + 8 * HOUR, 0, 1.6),
    };
  },
};
