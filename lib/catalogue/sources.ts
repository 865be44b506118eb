import type { TSourceRef } from "./types";

/**
 * The references of docs/clinical-reference.md, named once so that every target, conversion and clinical limit can
 * point at one.
 */
export const SOURCES = {
  elso2021: { id: "elso2021", citation: "ELSO 2021 anticoagulation guideline (McMichael, ASAIO J 2022;68:303)" },
  frenchIabp: { id: "frenchIabp", citation: "French IABP nursing protocol (project source documents)" },
  scai2019: { id: "scai2019", citation: "SCAI shock classification 2019 (Naidu, JACC 2022)" },
  lubnow2014: { id: "lubnow2014", citation: "Lubnow, PLoS One 2014;9:e112316 (circuit failure markers)" },
  kdigo2012: {
    id: "kdigo2012",
    citation: "KDIGO 2012 acute kidney injury guideline (urine output < 0.5 mL/kg/h)",
  },
  bonicolini2019: { id: "bonicolini2019", citation: "Bonicolini, Crit Care 2019;23:266 (limb ischaemia)" },
  clinicalRef: { id: "clinicalRef", citation: "Project clinical reference §2" },
  clinicalRules: { id: "clinicalRef-rules", citation: "Rules worth raising, project clinical reference §3" },
  protocolTimers: { id: "clinicalRef-timers", citation: "Protocol timers, project clinical reference §6" },
  projectDefault: {
    id: "projectDefault",
    citation: "Project default with no published source, which a unit may change (project clinical reference, Sources)",
  },
  ucum: { id: "ucum", citation: "UCUM unit definitions (exact factor)" },
  molarMass: { id: "molarMass", citation: "Molar-mass conversion, project clinical reference §2" },
} as const satisfies Record<string, TSourceRef>;
