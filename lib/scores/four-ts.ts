import { z } from "zod";
import type { TPlateletFall } from "./platelet-fall";

/** The four items of Lo 2006, each scored 0, 1 or 2. */
export const FOUR_TS_ITEMS = ["thrombocytopenia", "timing", "thrombosis", "otherCause"] as const;
export type TFourTsItem = (typeof FOUR_TS_ITEMS)[number];

export const ZFourTsScores = z.object({
  thrombocytopenia: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  timing: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  thrombosis: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  otherCause: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
});
export type TFourTsScores = z.infer<typeof ZFourTsScores>;
/** The pre-test probability of HIT a total reads as. */
export const FOUR_TS_PROBABILITIES = ["low", "intermediate", "high"] as const;
export type TFourTsProbability = (typeof FOUR_TS_PROBABILITIES)[number];

/** 0–3 low, 4–5 intermediate, 6–8 high pre-test probability of HIT. */
export function fourTsProbability(total: number): TFourTsProbability {
  if (total <= 3) return "low";
  if (total <= 5) return "intermediate";
  return "high";
}

/** Total and probability once every item is scored; null while one is still open. */
export function fourTsTotal(scores: TFourTsScores): { total: number; probability: TFourTsProbability } | null {
  let total = 0;
  for (const item of FOUR_TS_ITEMS) {
    const score = scores[item];
    if (score === null) return null;
    total += score;
  }
  return { total, probability: fourTsProbability(total) };
}

/** Why a pre-filled item got its score, in words the form shows (lib/i18n: bed.fourTs.reason.*). */
export type TFourTsReason =
  | "fallOver50Nadir20"
  | "fall30to50"
  | "nadir10to19"
  | "fallUnder30"
  | "nadirUnder10"
  | "onsetDays5to10"
  | "onsetAfterDay10"
  | "onsetDay4"
  | "onsetBeforeDay4";

export interface TFourTsPrefill {
  readonly thrombocytopenia: { readonly score: 0 | 1 | 2; readonly reason: TFourTsReason } | null;
  readonly timing: { readonly score: 0 | 1 | 2; readonly reason: TFourTsReason } | null;
}

/**
 * What the platelet counts can say: the thrombocytopenia item from the fall and the nadir, and the timing item from
 * the day the fall reached 30 % after heparin start, assuming no heparin exposure in the previous 100 days (the
 * form asks the clinician to confirm; a recent exposure changes the timing item). Thrombosis and other causes are
 * clinical judgements: never pre-filled.
 */
export function prefillFourTs(fall: TPlateletFall | null): TFourTsPrefill {
  if (!fall) return { thrombocytopenia: null, timing: null };
  const nadir = fall.nadir.v;
  const drop = fall.maxFallPct;
  let thrombocytopenia: TFourTsPrefill["thrombocytopenia"];
  if (drop > 50 && nadir >= 20) thrombocytopenia = { score: 2, reason: "fallOver50Nadir20" };
  else if (nadir < 10) thrombocytopenia = { score: 0, reason: "nadirUnder10" };
  else if (nadir < 20) thrombocytopenia = { score: 1, reason: "nadir10to19" };
  else if (drop >= 30) thrombocytopenia = { score: 1, reason: "fall30to50" };
  else thrombocytopenia = { score: 0, reason: "fallUnder30" };

  const day = fall.onsetDay;
  let timing: TFourTsPrefill["timing"] = null;
  if (day !== null) {
    if (day < 4) timing = { score: 0, reason: "onsetBeforeDay4" };
    else if (day < 5) timing = { score: 1, reason: "onsetDay4" };
    else if (day <= 10) timing = { score: 2, reason: "onsetDays5to10" };
    else timing = { score: 1, reason: "onsetAfterDay10" };
  }
  return { thrombocytopenia, timing };
}
