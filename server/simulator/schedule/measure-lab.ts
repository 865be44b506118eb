import type { TEpisodeSimulation } from "../create-episode-simulation";
import type { TPhysiology } from "../scenarios";
import { toCatalogueValue } from "../to-catalogue-value";

export const LAB_CODES = ["lactate", "anti_xa", "platelets", "hemoglobin", "fibrinogen", "ldh", "free_hb"] as const;
export type TLabCode = (typeof LAB_CODES)[number];

/** Which physiology field a lab measures, and its analytical error: a coefficient of variation plus a floor. */
const LABS: Record<TLabCode, { field: keyof TPhysiology; cv: number; floor: number }> = {
  lactate: { field: "lactate", cv: 0.04, floor: 0.05 },
  anti_xa: { field: "antiXa", cv: 0.05, floor: 0.01 },
  platelets: { field: "platelets", cv: 0.04, floor: 2 },
  hemoglobin: { field: "hemoglobin", cv: 0.02, floor: 0.1 },
  fibrinogen: { field: "fibrinogen", cv: 0.04, floor: 0.05 },
  ldh: { field: "ldh", cv: 0.05, floor: 5 },
  free_hb: { field: "freeHb", cv: 0.08, floor: 1 },
};

/**
 * The result of one lab sample drawn at a scenario time, as the lab reports it (catalogue range and decimals).
 * Each sample has its own independent error, keyed by the sample's time, so re-reading a sample gives its value.
 */
export function measureLab({
  simulation,
  parameter,
  scenarioMs,
}: {
  simulation: TEpisodeSimulation;
  parameter: TLabCode;
  scenarioMs: number;
}): number {
  const { field, cv, floor } = LABS[parameter];
  const truth = Number(simulation.scenario.physiologyAt(scenarioMs, simulation.context)[field]);
  const error = Math.hypot(cv * truth, floor) * simulation.noise.draw(`lab:${parameter}`, Math.round(scenarioMs));
  return toCatalogueValue(parameter, Math.max(0, truth + error));
}
