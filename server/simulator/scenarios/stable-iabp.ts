import { baselinePhysiology } from "./baseline-physiology";
import type { TScenario } from "./physiology";

/** A balloon pump doing its job at the prescribed ratio: the baseline. */
export const stableIabp: TScenario = {
  name: "stable_iabp",
  heparinChangesAt: [],
  physiologyAt: baselinePhysiology,
};
