import type { TScenarioName } from "@/lib/simulator/scenarios";
import { antiXaDrift } from "./anti-xa-drift";
import { hitPlatelets } from "./hit-platelets";
import { iabpHeliumLeak } from "./iabp-helium-leak";
import { iabpWeaning } from "./iabp-weaning";
import { limbIschaemia } from "./limb-ischaemia";
import { oxygenatorThrombosis } from "./oxygenator-thrombosis";
import type { TScenario } from "./physiology";
import { risingLactate } from "./rising-lactate";
import { stableIabp } from "./stable-iabp";
import { stableVaEcmo } from "./stable-va-ecmo";

/** Every scenario by name; the Record type makes a name without behaviour a compile error. */
export const SCENARIOS: Readonly<Record<TScenarioName, TScenario>> = {
  stable_va_ecmo: stableVaEcmo,
  rising_lactate: risingLactate,
  anti_xa_drift: antiXaDrift,
  hit_platelets: hitPlatelets,
  iabp_helium_leak: iabpHeliumLeak,
  limb_ischaemia: limbIschaemia,
  oxygenator_thrombosis: oxygenatorThrombosis,
  iabp_weaning: iabpWeaning,
  stable_iabp: stableIabp,
};

export type { TPhysiology, TScenario, TScenarioContext } from "./physiology";
