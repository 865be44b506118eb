import { SCORE_SOURCES } from "./sources";
import type { TTimedValue } from "./types";

export type TScaiCriterion = "lactateAtLeast8" | "lactateAtLeast2" | "lactateBelow2" | "noLactate";

export interface TScaiSuggestion {
  /** The stage the lactate points to, or null when it points to none (A/B need a clinical assessment). */
  readonly stage: "C" | "E" | null;
  readonly criterion: TScaiCriterion;
  /** The lactate the suggestion rests on. */
  readonly lactate: TTimedValue | null;
  readonly source: typeof SCORE_SOURCES.scai;
}

/** SCAI lactate thresholds (2019 table): C from 2 mmol/L, E from 8. */
export const SCAI_C_LACTATE = 2;
export const SCAI_E_LACTATE = 8;

/**
 * A suggestion from the latest lactate only: stage C from 2 mmol/L, E from 8 (pH ≤ 7.2 also means E, but the
 * station has no pH). Stage D (deterioration despite treatment) and the physical examination are the clinician's.
 */
export function suggestScaiStage(latestLactate: TTimedValue | null): TScaiSuggestion {
  const source = SCORE_SOURCES.scai;
  if (!latestLactate) return { stage: null, criterion: "noLactate", lactate: null, source };
  if (latestLactate.v >= SCAI_E_LACTATE)
    return { stage: "E", criterion: "lactateAtLeast8", lactate: latestLactate, source };
  if (latestLactate.v >= SCAI_C_LACTATE)
    return { stage: "C", criterion: "lactateAtLeast2", lactate: latestLactate, source };
  return { stage: null, criterion: "lactateBelow2", lactate: latestLactate, source };
}
