import { SOURCES } from "./sources";
import type { TClinicalLimit } from "./types";

const MIN = 60_000;
const H = 60 * MIN;

/**
 * The clinical numbers of docs/clinical-reference.md §2, §3 and §6 that more than one part of the station applies:
 * the alarm rules, the tiles, the bed panel, the handover sheet and the simulator read them here, never from one
 * another, so that a unit whose protocol differs changes each in one place. Like the targets, every one is a
 * default with its source. A parameter's target range lives with the parameter (./parameters); where a target
 * restates a limit below, it takes its number from here.
 */
export const CLINICAL_LIMITS = {
  /** A reading, or a bed's feed, is stale once older than this many times its expected interval (§3, technical). */
  staleFactor: { value: 3, unit: "1", source: SOURCES.projectDefault },

  /** Lactate from this value is raised (SCAI stage C) and sampled more often (§2, §3). */
  lactateRaised: { value: 2, unit: "mmol/L", source: SOURCES.scai2019 },
  /** Lactate from this value is high priority (§3). */
  lactateHigh: { value: 4, unit: "mmol/L", source: SOURCES.clinicalRules },
  /** A rise from one lactate sample to the next of at least this much is raised (§3). */
  lactateRise: { value: 0.5, unit: "mmol/L", source: SOURCES.clinicalRules },
  /**
   * While the last lactate was at least `lactateRaised`, the next is due within this time: "every 2–4 h while ≥ 2"
   * (§2), the later bound, so that overdue means overdue. Otherwise the catalogue's interval applies.
   */
  lactateRaisedInterval: { value: 4 * H, unit: "ms", source: SOURCES.clinicalRef },

  /** Heparin runs on every patient: an anti-Xa older than this is overdue (§3), whatever the catalogue's interval. */
  antiXaMaxAge: { value: 12 * H, unit: "ms", source: SOURCES.clinicalRules },
  /** An anti-Xa is drawn this long after a change of heparin dose (§2, §3). */
  antiXaAfterDoseChange: { value: 6 * H, unit: "ms", source: SOURCES.clinicalRef },

  /**
   * Anti-Xa above this is ELSO's "hold heparin" level (§3): high priority, above the device's target band. Applied on
   * IABP too: above it, heparin is held whatever the device.
   */
  antiXaHold: { value: 0.7, unit: "[IU]/mL", source: SOURCES.elso2021 },
  /** Haemoglobin below this is raised (§2: the usual transfusion threshold, centres use 7–12). */
  hemoglobinLow: { value: 7, unit: "g/dL", source: SOURCES.clinicalRef },
  /** Fibrinogen below this is raised (§2, §3: ELSO's replacement level on ECMO). */
  fibrinogenLow: { value: 1.5, unit: "g/L", source: SOURCES.elso2021 },
  /** Plasma free haemoglobin above this is haemolysis (§3). */
  freeHbHigh: { value: 50, unit: "mg/dL", source: SOURCES.lubnow2014 },
  /** LDH above this and rising points to haemolysis or pump thrombosis (§3). */
  ldhHigh: { value: 1000, unit: "U/L", source: SOURCES.lubnow2014 },
  /** Urine output below this many mL per kg of the weight on file per hour (§3: oliguria, KDIGO's level)… */
  urineOutputLow: { value: 0.5, unit: "mL/kg/h", source: SOURCES.kdigo2012 },
  /**
   * …as the mean of the hourly volumes charted over this window (§3). KDIGO stages AKI on 6 h; 2 h is the project's
   * earlier warning, which a unit may change.
   */
  urineOutputWindow: { value: 2 * H, unit: "ms", source: SOURCES.projectDefault },

  /** Mean arterial pressure below this is under target (§2). */
  mapLow: { value: 65, unit: "mm[Hg]", source: SOURCES.clinicalRef },
  /** ECMO blood flow below this risks backflow (§2, §3). */
  ecmoFlowLow: { value: 2, unit: "L/min", source: SOURCES.clinicalRef },
  /** Limb NIRS rSO2 below this on either leg suggests ischaemia (§2, §3). */
  nirsLow: { value: 50, unit: "%", source: SOURCES.bonicolini2019 },
  /** A difference between the legs' NIRS of at least this many points suggests ischaemia of one limb (§3). */
  nirsDifference: { value: 20, unit: "%", source: SOURCES.bonicolini2019 },

  /** A balloon must not lie still in the aorta: a stop longer than this is flagged and raised (§3, §6). */
  pumpStopped: { value: 20 * MIN, unit: "ms", source: SOURCES.projectDefault },
  /** IABP weaning: each step of assist ratio lasts from this … (§6) */
  weaningStepMin: { value: H, unit: "ms", source: SOURCES.protocolTimers },
  /** … to this, as the patient tolerates it (§6). */
  weaningStepMax: { value: 6 * H, unit: "ms", source: SOURCES.protocolTimers },
  /** Femoral VA-ECMO: a distal perfusion cannula within this time of cannulation (§6). */
  dpcWithin: { value: 6 * H, unit: "ms", source: SOURCES.protocolTimers },
  /** IABP removal: heparin is stopped this long before the balloon comes out (§6). */
  heparinStopBeforeRemoval: { value: H, unit: "ms", source: SOURCES.protocolTimers },
  /** After removal: femoral compression for at least this long (§6). */
  femoralCompressionMin: { value: 30 * MIN, unit: "ms", source: SOURCES.protocolTimers },
  /** After removal: the patient lies flat this long (§6). */
  flatRestAfterRemoval: { value: 24 * H, unit: "ms", source: SOURCES.protocolTimers },
  /** The IABP console's helium autofill is checked this often (§6 names no interval: project default). */
  heliumCheckEvery: { value: 2 * H, unit: "ms", source: SOURCES.projectDefault },
} as const satisfies Record<string, TClinicalLimit>;
