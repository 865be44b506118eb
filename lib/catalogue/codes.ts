import { z } from "zod";

/** Every parameter code the station knows (docs/clinical-reference.md §2). The catalogue holds exactly one entry for each. */
export const PARAMETER_CODES = [
  "lactate",
  "anti_xa",
  "platelets",
  "hemoglobin",
  "fibrinogen",
  "ldh",
  "free_hb",
  "helium_level",
  "iabp_ratio",
  "iabp_pumping",
  "iabp_aug",
  "iabp_sys",
  "iabp_baedp",
  "ecmo_p1",
  "ecmo_p2",
  "ecmo_dp",
  "ecmo_pven",
  "ecmo_flow",
  "ecmo_rpm",
  "ecmo_sweep",
  "ecmo_fdo2",
  "nirs_left",
  "nirs_right",
  "dpc_flow",
  "map",
  "hr",
  "spo2_right",
  "urine_output",
] as const;

export const ZParameterCode = z.enum(PARAMETER_CODES);
export type TParameterCode = z.infer<typeof ZParameterCode>;
