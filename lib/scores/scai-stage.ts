import { CLINICAL_LIMITS, type TDeviceType } from "@/lib/catalogue";
import { SCORE_SOURCES } from "./sources";
import type { TTimedValue } from "./types";

export type TScaiCriterion =
  "onVaEcmo" | "lactateAtLeast8" | "lactateRisingOnSupport" | "lactateAtLeast2" | "lactateBelow2" | "noLactate";

export interface TScaiSuggestion {
  /** The stage the data point to, or null when they point to none (A/B need a clinical assessment). */
  readonly stage: "C" | "D" | "E" | null;
  readonly criterion: TScaiCriterion;
  /** The lactate the suggestion rests on (the latest), if any. */
  readonly lactate: TTimedValue | null;
  readonly source: typeof SCORE_SOURCES.scai;
}

export interface TScaiInput {
  /**
   * The support the patient is on: VA-ECMO is stage E in the 2019 table whatever the lactate. Null: none running (an
   * admitted patient before cannulation), so a rising lactate is not "deterioration despite support".
   */
  readonly deviceType: TDeviceType | null;
  readonly latestLactate: TTimedValue | null;
  /** The sample before the latest: a rise on mechanical support is deterioration despite it (stage D). */
  readonly previousLactate: TTimedValue | null;
}

/** SCAI lactate thresholds (2019 table): C from 2 mmol/L, E from 8. */
export const SCAI_C_LACTATE = 2;
export const SCAI_E_LACTATE = 8;

/**
 * A suggestion from the support and the lactate (SCAI 2019 table): a patient on VA-ECMO is E (the table's
 * "extremis": circulatory collapse supported by ECMO); lactate ≥ 8 mmol/L is E; on an IABP, a lactate that rose by
 * the station's "rising" step (CLINICAL_LIMITS.lactateRise) since the sample before is D, deterioration despite
 * mechanical support; lactate ≥ 2 is C. pH ≤ 7.2 also means E, but the station has no pH; the examination, and
 * deterioration seen otherwise than by lactate, are the clinician's.
 */
export function suggestScaiStage({ deviceType, latestLactate, previousLactate }: TScaiInput): TScaiSuggestion {
  const source = SCORE_SOURCES.scai;
  const lactate = latestLactate;
  if (deviceType === "VA_ECMO" || deviceType === "VA_ECMO_IABP")
    return { stage: "E", criterion: "onVaEcmo", lactate, source };
  if (!lactate) return { stage: null, criterion: "noLactate", lactate: null, source };
  if (lactate.v >= SCAI_E_LACTATE) return { stage: "E", criterion: "lactateAtLeast8", lactate, source };
  if (
    deviceType !== null &&
    previousLactate &&
    lactate.v - previousLactate.v >= CLINICAL_LIMITS.lactateRise.value - 1e-9
  )
    return { stage: "D", criterion: "lactateRisingOnSupport", lactate, source };
  if (lactate.v >= SCAI_C_LACTATE) return { stage: "C", criterion: "lactateAtLeast2", lactate, source };
  return { stage: null, criterion: "lactateBelow2", lactate, source };
}
