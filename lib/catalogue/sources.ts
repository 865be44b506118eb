import type { TSourceRef } from "./types";

/**
 * The references of docs/clinical-reference.md, named once so that every target, conversion and clinical limit can
 * point at one.
 */
export const SOURCES = {
  elso2021: { id: "elso2021", citation: "ELSO 2021 anticoagulation guideline (McMichael, ASAIO J 2022;68:303)" },
  frenchIabp: { id: "frenchIabp", citation: "Local IABP nursing protocol" },
  scai2019: { id: "scai2019", citation: "SCAI shock classification 2019, updated 2022 (Naidu, JACC 2022)" },
  lubnow2014: { id: "lubnow2014", citation: "Lubnow, PLoS One 2014;9:e112316 (markers of circuit failure)" },
  kdigo2012: {
    id: "kdigo2012",
    citation: "KDIGO 2012 acute kidney injury guideline (urine output < 0.5 mL/kg/h)",
  },
  bonicolini2019: { id: "bonicolini2019", citation: "Bonicolini, Crit Care 2019;23:266 (limb ischaemia)" },
  clinicalRef: { id: "clinicalRef", citation: "Local protocol (unit default, which the unit may change)" },
  clinicalRules: {
    id: "clinicalRef-rules",
    citation: "Local alarm protocol (unit default, which the unit may change)",
  },
  protocolTimers: { id: "clinicalRef-timers", citation: "Local nursing protocol (timers)" },
  projectDefault: {
    id: "projectDefault",
    citation: "Station default with no published source, which the unit may change",
  },
  ucum: { id: "ucum", citation: "UCUM unit definitions (exact factor)" },
  molarMass: { id: "molarMass", citation: "Conversion by molar mass (SI)" },
} as const satisfies Record<string, TSourceRef>;
