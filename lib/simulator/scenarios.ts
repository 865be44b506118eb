import { z } from "zod";
import type { TDeviceType } from "@/lib/catalogue";

/**
 * The simulation scenarios of docs/clinical-reference.md §9, by name only: the server (server/simulator/scenarios)
 * holds their behaviour. Names are stored in SupportEpisode.scenario, so renaming one orphans existing demo episodes.
 */
export const SCENARIO_NAMES = [
  "stable_va_ecmo",
  "rising_lactate",
  "anti_xa_drift",
  "hit_platelets",
  "iabp_helium_leak",
  "limb_ischaemia",
  "oxygenator_thrombosis",
  "iabp_weaning",
  "stable_iabp",
] as const;

export const ZScenarioName = z.enum(SCENARIO_NAMES);
export type TScenarioName = z.infer<typeof ZScenarioName>;

/**
 * The device configuration each scenario is written for. A scenario runs on any device type (it describes the whole
 * physiology), but the seeds put it on this one so that its signature is visible.
 */
export const SCENARIO_DEVICE_TYPE: Readonly<Record<TScenarioName, TDeviceType>> = {
  stable_va_ecmo: "VA_ECMO",
  rising_lactate: "VA_ECMO_IABP",
  anti_xa_drift: "VA_ECMO",
  hit_platelets: "IABP",
  iabp_helium_leak: "IABP",
  limb_ischaemia: "VA_ECMO",
  oxygenator_thrombosis: "VA_ECMO",
  iabp_weaning: "IABP",
  stable_iabp: "IABP",
};
