import { ECMO_PARAMETERS } from "./parameters/ecmo";
import { IABP_PARAMETERS } from "./parameters/iabp";
import { LAB_PARAMETERS } from "./parameters/labs";
import { MONITORING_PARAMETERS } from "./parameters/monitoring";
import type { TParameter } from "./types";

/**
 * The parameter catalogue (docs/clinical-reference.md §2). The one place that the UI, the simulator, the importers and
 * the rules read. Targets are defaults that a unit may change; each carries its source.
 */
export const PARAMETERS: readonly TParameter[] = [
  ...LAB_PARAMETERS,
  ...IABP_PARAMETERS,
  ...ECMO_PARAMETERS,
  ...MONITORING_PARAMETERS,
];
