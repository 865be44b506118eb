import { z } from "zod";

/**
 * The acute cardiogenic shock diagnosis groups of the SAVE score. They combine, as the published score and its
 * calculator count them (myocarditis with refractory VT/VF scores both); none ticked is "other cause", 0 points.
 */
export const SAVE_DIAGNOSES = ["myocarditis", "refractory_vt_vf", "post_transplant", "congenital"] as const;
export type TSaveDiagnosis = (typeof SAVE_DIAGNOSES)[number];

/**
 * Inputs recorded before the groups combined held one `diagnosis` ("other" for none): read as the list they mean, so
 * that a stored score keeps its total.
 */
function upgradeSingleDiagnosis(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("diagnosis" in raw) || "diagnoses" in raw)
    return raw;
  const { diagnosis, ...rest } = raw as Record<string, unknown>;
  return { ...rest, diagnoses: diagnosis === "other" ? [] : [diagnosis] };
}

/**
 * What the SAVE score is computed from, recorded at cannulation (docs/clinical-reference.md §4). Measurements are
 * numbers, not ticked boxes, so that the stored inputs say what was seen and the points follow from them. The
 * haemodynamic values are the worst within the 6 h before cannulation.
 */
const ZSaveScoreFields = z.object({
  /** Completed years; the score was derived in adults. */
  ageYears: z.number().int().min(18, "the SAVE score is for adults (≥ 18 years)").max(120),
  weightKg: z.number().min(20).max(400),
  diagnoses: z
    .array(z.enum(SAVE_DIAGNOSES))
    .refine((groups) => new Set(groups).size === groups.length, "a diagnosis group is ticked twice"),
  liverFailure: z.boolean(),
  cnsDysfunction: z.boolean(),
  acuteRenalFailure: z.boolean(),
  chronicRenalFailure: z.boolean(),
  /** Hours intubated before ECMO; 0 when not intubated. */
  intubationHours: z.number().min(0).max(10_000),
  /** Peak inspiratory pressure, cmH2O; null when not ventilated (no points). */
  peakInspiratoryPressure: z.number().min(0).max(100).nullable(),
  cardiacArrest: z.boolean(),
  /** Worst within 6 h before cannulation, mmHg. */
  diastolicBp: z.number().min(0).max(250),
  pulsePressure: z.number().min(0).max(250),
  /** Worst within 6 h before cannulation, mmol/L. */
  bicarbonate: z.number().min(0).max(60),
});
export const ZSaveScoreInputs = z.preprocess(upgradeSingleDiagnosis, ZSaveScoreFields);
export type TSaveScoreInputs = z.infer<typeof ZSaveScoreFields>;

export const SAVE_ITEMS = [
  "age",
  "weight",
  "diagnosis",
  "liverFailure",
  "cnsDysfunction",
  "acuteRenalFailure",
  "chronicRenalFailure",
  "intubation",
  "peakInspiratoryPressure",
  "cardiacArrest",
  "diastolicBp",
  "pulsePressure",
  "bicarbonate",
] as const;
export type TSaveItem = (typeof SAVE_ITEMS)[number];

/** Added to every patient's total: the published score's intercept. */
export const SAVE_CONSTANT = -6;

export type TSaveRiskClass = "I" | "II" | "III" | "IV" | "V";

/** Risk classes with the in-hospital survival published for each (Schmidt 2015). */
export const SAVE_CLASSES: readonly {
  readonly riskClass: TSaveRiskClass;
  readonly min: number;
  readonly survivalPct: number;
}[] = [
  { riskClass: "I", min: 5, survivalPct: 75 },
  { riskClass: "II", min: 1, survivalPct: 58 },
  { riskClass: "III", min: -4, survivalPct: 42 },
  { riskClass: "IV", min: -9, survivalPct: 30 },
  { riskClass: "V", min: -Infinity, survivalPct: 18 },
];

export interface TSaveScore {
  readonly items: Readonly<Record<TSaveItem, number>>;
  readonly constant: typeof SAVE_CONSTANT;
  readonly total: number;
  readonly riskClass: TSaveRiskClass;
  readonly survivalPct: number;
}

const DIAGNOSIS_POINTS: Readonly<Record<TSaveDiagnosis, number>> = {
  myocarditis: 3,
  refractory_vt_vf: 2,
  post_transplant: 3,
  congenital: -3,
};

/** Age 18–38 +7, 39–52 +4, 53–62 +3, ≥ 63 0. */
function agePoints(age: number): number {
  if (age <= 38) return 7;
  if (age <= 52) return 4;
  if (age <= 62) return 3;
  return 0;
}

/** Weight ≤ 65 kg +1, 65–89 kg +2, ≥ 90 kg 0 (65 itself scores +1). */
function weightPoints(kg: number): number {
  if (kg <= 65) return 1;
  if (kg < 90) return 2;
  return 0;
}

/** Intubation before ECMO ≤ 10 h 0, 11–29 h −2, ≥ 30 h −4; hours between the published bands go to the next one. */
function intubationPoints(hours: number): number {
  if (hours <= 10) return 0;
  if (hours < 30) return -2;
  return -4;
}

export function computeSaveScore(inputs: TSaveScoreInputs): TSaveScore {
  const items: Record<TSaveItem, number> = {
    age: agePoints(inputs.ageYears),
    weight: weightPoints(inputs.weightKg),
    diagnosis: inputs.diagnoses.reduce((sum, group) => sum + DIAGNOSIS_POINTS[group], 0),
    liverFailure: inputs.liverFailure ? -3 : 0,
    cnsDysfunction: inputs.cnsDysfunction ? -3 : 0,
    acuteRenalFailure: inputs.acuteRenalFailure ? -3 : 0,
    chronicRenalFailure: inputs.chronicRenalFailure ? -6 : 0,
    intubation: intubationPoints(inputs.intubationHours),
    peakInspiratoryPressure: inputs.peakInspiratoryPressure !== null && inputs.peakInspiratoryPressure <= 20 ? 3 : 0,
    cardiacArrest: inputs.cardiacArrest ? -2 : 0,
    diastolicBp: inputs.diastolicBp >= 40 ? 3 : 0,
    pulsePressure: inputs.pulsePressure <= 20 ? -2 : 0,
    bicarbonate: inputs.bicarbonate <= 15 ? -3 : 0,
  };
  const total = Object.values(items).reduce((sum, points) => sum + points, SAVE_CONSTANT);
  return { items, constant: SAVE_CONSTANT, total, ...saveRiskClass(total) };
}

export function saveRiskClass(total: number): { riskClass: TSaveRiskClass; survivalPct: number } {
  const found = SAVE_CLASSES.find((c) => total >= c.min) ?? SAVE_CLASSES[SAVE_CLASSES.length - 1];
  return { riskClass: found?.riskClass ?? "V", survivalPct: found?.survivalPct ?? 18 };
}

/** What SupportEpisode.saveScoreInputs holds: the inputs and when they were recorded. */
export const ZStoredSaveScore = z.preprocess(
  upgradeSingleDiagnosis,
  ZSaveScoreFields.extend({ recordedAt: z.number() }),
);
export type TStoredSaveScore = z.infer<typeof ZStoredSaveScore>;

/** The stored inputs, or null when absent or unreadable (a row written by a future version is not guessed at). */
export function parseStoredSaveScore(stored: unknown): TStoredSaveScore | null {
  if (stored === null || stored === undefined) return null;
  const parsed = ZStoredSaveScore.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
