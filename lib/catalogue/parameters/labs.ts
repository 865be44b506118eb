import { CLINICAL_LIMITS } from "../clinical-limits";
import { SOURCES } from "../sources";
import type { TParameter } from "../types";
import { BOTH, ECMO, H } from "./shared";

const { lactateRaised, lactateHigh, antiXaMaxAge, hemoglobinLow, fibrinogenLow, freeHbHigh, ldhHigh } = CLINICAL_LIMITS;
/** In target below the level the rules raise: ≥ 2 is SCAI stage C. */
const LACTATE_TARGET = {
  high: lactateRaised.value,
  highExclusive: true,
  source: lactateRaised.source,
  note: `≥ ${lactateRaised.value} SCAI stage C, ≥ ${lactateHigh.value} high`,
};

/** Laboratory results (and blood gases): sampled, hours apart. */
export const LAB_PARAMETERS = [
  {
    code: "lactate",
    label: { en: "Arterial lactate", fr: "Lactates artériels" },
    short: { en: "Lactate", fr: "Lactates" },
    unit: "mmol/L",
    unitDisplay: "mmol/L",
    loinc: ["2518-9", "32693-4", "2524-7"],
    sourceKind: "lab",
    expectedIntervalSec: 8 * H,
    plausible: { min: 0, max: 30 },
    decimals: 1,
    supports: BOTH,
    targets: { VA_ECMO: LACTATE_TARGET, IABP: LACTATE_TARGET },
    conversions: [{ from: ["mg/dL"], factor: 1 / 9.01, source: SOURCES.molarMass }],
    // Lactic acid, C3H6O3: 9.008 mg/dL is 1 mmol/L.
    molarMass: { gPerMol: 90.08, source: SOURCES.molarMass },
    group: "labs",
  },
  {
    code: "anti_xa",
    label: { en: "Anti-Xa activity (UFH)", fr: "Activité anti-Xa" },
    short: { en: "Anti-Xa", fr: "Anti-Xa" },
    unit: "[IU]/mL",
    unitDisplay: "IU/mL",
    unitDisplayFr: "UI/mL",
    loinc: ["3274-8"],
    sourceKind: "lab",
    // The one home of "anti-Xa due": the overdue alarm and the handover's next sample both read it (§3: 12 h).
    expectedIntervalSec: antiXaMaxAge.value / 1000,
    plausible: { min: 0, max: 2 },
    decimals: 2,
    supports: BOTH,
    targets: {
      VA_ECMO: {
        low: 0.3,
        high: 0.5,
        source: SOURCES.elso2021,
        note: `ELSO quotes 0.3–0.7; > ${CLINICAL_LIMITS.antiXaHold.value} hold heparin`,
      },
      IABP: { low: 0.3, high: 0.4, source: SOURCES.frenchIabp },
    },
    conversions: [{ from: ["IU/mL", "U/mL", "[IU]/ml"], factor: 1, source: SOURCES.ucum }],
    group: "labs",
  },
  {
    code: "platelets",
    label: { en: "Platelets", fr: "Plaquettes" },
    short: { en: "Plt", fr: "Plq" },
    unit: "10*9/L",
    unitDisplay: "×10⁹/L",
    loinc: ["777-3", "26515-7"],
    sourceKind: "lab",
    expectedIntervalSec: 24 * H,
    plausible: { min: 0, max: 1500 },
    decimals: 0,
    supports: BOTH,
    targets: {
      VA_ECMO: { low: 50, source: SOURCES.clinicalRef, note: "fall > 50 % from the post-heparin peak: 4Ts" },
      IABP: { low: 50, source: SOURCES.clinicalRef, note: "fall > 50 % from the post-heparin peak: 4Ts" },
    },
    conversions: [
      { from: ["10*3/uL", "10^3/uL", "K/uL", "/nL", "10*9/l", "giga.l-1", "G/L"], factor: 1, source: SOURCES.ucum },
      { from: ["/mm3", "/uL", "{cells}/uL", "/mm^3"], factor: 1e-3, source: SOURCES.ucum },
    ],
    group: "labs",
  },
  {
    code: "hemoglobin",
    label: { en: "Haemoglobin", fr: "Hémoglobine" },
    short: { en: "Hb", fr: "Hb" },
    unit: "g/dL",
    unitDisplay: "g/dL",
    loinc: ["718-7", "30313-1"],
    sourceKind: "lab",
    expectedIntervalSec: 24 * H,
    plausible: { min: 2, max: 25 },
    decimals: 1,
    supports: BOTH,
    targets: {
      VA_ECMO: { low: hemoglobinLow.value, source: hemoglobinLow.source, note: "centre-specific 7–12" },
      IABP: { low: hemoglobinLow.value, source: hemoglobinLow.source, note: "centre-specific 7–12" },
    },
    conversions: [
      { from: ["g/L", "g/l"], factor: 0.1, source: SOURCES.ucum },
      { from: ["mmol/L"], factor: 1.611, source: SOURCES.molarMass },
      { from: ["g/dl"], factor: 1, source: SOURCES.ucum },
    ],
    // Haemoglobin reported in mmol/L counts haem monomers (64,458 g/mol ÷ 4): 1 mmol/L is 1.611 g/dL.
    molarMass: { gPerMol: 16_114.5, source: SOURCES.molarMass },
    group: "labs",
  },
  {
    code: "fibrinogen",
    label: { en: "Fibrinogen", fr: "Fibrinogène" },
    short: { en: "Fib", fr: "Fib" },
    unit: "g/L",
    unitDisplay: "g/L",
    loinc: ["3255-7"],
    sourceKind: "lab",
    expectedIntervalSec: 24 * H,
    plausible: { min: 0, max: 10 },
    decimals: 1,
    supports: BOTH,
    targets: {
      VA_ECMO: { low: fibrinogenLow.value, source: fibrinogenLow.source, note: "ELSO: replace below 1.5" },
      IABP: { low: fibrinogenLow.value, source: fibrinogenLow.source, note: "ELSO: replace below 1.5" },
    },
    conversions: [{ from: ["mg/dL"], factor: 0.01, source: SOURCES.ucum }],
    group: "labs",
  },
  {
    code: "ldh",
    label: { en: "Lactate dehydrogenase", fr: "LDH" },
    short: { en: "LDH", fr: "LDH" },
    unit: "U/L",
    unitDisplay: "U/L",
    unitDisplayFr: "UI/L",
    loinc: ["2532-0"],
    sourceKind: "lab",
    expectedIntervalSec: 24 * H,
    plausible: { min: 0, max: 20000 },
    decimals: 0,
    supports: ECMO,
    targets: {
      VA_ECMO: {
        high: ldhHigh.value,
        source: ldhHigh.source,
        note: `> ${ldhHigh.value} and rising: haemolysis / pump thrombosis`,
      },
    },
    conversions: [{ from: ["IU/L", "[IU]/L"], factor: 1, source: SOURCES.ucum }],
    group: "labs",
  },
  {
    code: "free_hb",
    label: { en: "Plasma free haemoglobin", fr: "Hémoglobine libre plasmatique" },
    short: { en: "fHb", fr: "Hb libre" },
    unit: "mg/dL",
    unitDisplay: "mg/dL",
    loinc: [],
    sourceKind: "lab",
    expectedIntervalSec: 24 * H,
    plausible: { min: 0, max: 1000 },
    decimals: 0,
    supports: ECMO,
    targets: {
      VA_ECMO: { high: freeHbHigh.value, source: freeHbHigh.source, note: `> ${freeHbHigh.value} mg/dL: haemolysis` },
    },
    conversions: [{ from: ["g/L"], factor: 100, source: SOURCES.ucum }],
    group: "labs",
  },
] satisfies readonly TParameter[];
