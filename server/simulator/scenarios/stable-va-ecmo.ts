import { baselinePhysiology } from "./baseline-physiology";
import type { TScenario } from "./physiology";

/** Stable VA-ECMO after myocardial infarction: the baseline, nothing going wrong. */
export const stableVaEcmo: TScenario = {
  name: "stable_va_ecmo",
  heparinChangesAt: [],
  physiologyAt: baselinePhysiology,
};
