import { z } from "zod";
import {
  FOUR_TS_ITEMS,
  FOUR_TS_PROBABILITIES,
  fourTsTotal,
  prefillFourTs,
  type TFourTsItem,
  type TFourTsProbability,
  type TFourTsReason,
} from "./four-ts";
import { plateletFall } from "./platelet-fall";
import type { TTimedValue } from "./types";

/**
 * A 4Ts screen as a clinician records it (POST /api/beds/:bedId/four-ts): the four answers, all scored; and, kept
 * with them, what the platelet counts said at that moment (the inputs of the pre-fill) and which answers came from
 * the data rather than the bedside, so that a later reader sees what the total rested on.
 */
const ZItemScore = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: "must be scored 0, 1 or 2" });

export const ZFourTsAnswers = z.strictObject({
  thrombocytopenia: ZItemScore,
  timing: ZItemScore,
  thrombosis: ZItemScore,
  otherCause: ZItemScore,
});
export type TFourTsAnswers = z.infer<typeof ZFourTsAnswers>;

const ZTimed = z.object({ t: z.number(), v: z.number() });
const FOUR_TS_REASONS = [
  "fallOver50Nadir20",
  "fall30to50",
  "nadir10to19",
  "fallUnder30",
  "nadirUnder10",
  "onsetDays5to10",
  "onsetAfterDay10",
  "onsetDay4",
  "onsetBeforeDay4",
] as const satisfies readonly TFourTsReason[];
const ZPrefillItem = z.object({ score: ZItemScore, reason: z.enum(FOUR_TS_REASONS) }).nullable();

/** The data side of a recorded screen, computed by the server from the stored counts when it is recorded. */
export const ZFourTsInputs = z.object({
  /** Heparin start assumed by the pre-fill: the episode start (lib/scores/platelet-fall.ts). */
  heparinStartedAt: z.number(),
  /** The fall from the post-heparin peak; null with fewer than two counts. */
  platelets: z
    .object({ peak: ZTimed, nadir: ZTimed, latest: ZTimed, maxFallPct: z.number(), onsetDay: z.number().nullable() })
    .nullable(),
  prefill: z.object({ thrombocytopenia: ZPrefillItem, timing: ZPrefillItem }),
});
export type TFourTsInputs = z.infer<typeof ZFourTsInputs>;

/** "data": the answer is the score the counts suggested; "clinician": scored at the bedside, or changed. */
export const ZFourTsItemSource = z.enum(["data", "clinician"]);
export type TFourTsItemSource = z.infer<typeof ZFourTsItemSource>;

export const ZStoredFourTs = z.object({
  id: z.number().int(),
  recordedAt: z.number(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  answers: ZFourTsAnswers,
  inputs: ZFourTsInputs,
  sources: z.record(z.enum(FOUR_TS_ITEMS), ZFourTsItemSource),
  total: z.number().int().min(0).max(8),
  probability: z.enum(FOUR_TS_PROBABILITIES),
});
export type TStoredFourTs = z.infer<typeof ZStoredFourTs>;

/** What the counts say for a screen recorded now: the same computation as the form's pre-fill. Pure. */
export function fourTsInputs(platelets: readonly TTimedValue[], heparinStartedAt: number): TFourTsInputs {
  const fall = plateletFall(platelets, heparinStartedAt);
  return {
    heparinStartedAt,
    platelets: fall
      ? {
          peak: fall.peak,
          nadir: fall.nadir,
          latest: fall.latest,
          maxFallPct: fall.maxFallPct,
          onsetDay: fall.onsetDay,
        }
      : null,
    prefill: prefillFourTs(fall),
  };
}

/** Where each answer came from: the data when the counts suggested a score and the clinician kept it. Pure. */
export function fourTsSources(
  answers: TFourTsAnswers,
  prefill: TFourTsInputs["prefill"],
): Record<TFourTsItem, TFourTsItemSource> {
  const source = (item: TFourTsItem): TFourTsItemSource => {
    const filled = item === "thrombocytopenia" || item === "timing" ? prefill[item] : null;
    return filled !== null && filled.score === answers[item] ? "data" : "clinician";
  };
  return {
    thrombocytopenia: source("thrombocytopenia"),
    timing: source("timing"),
    thrombosis: source("thrombosis"),
    otherCause: source("otherCause"),
  };
}

/** Total and probability of a complete screen (every answer is scored, so never null). */
export function scoreFourTs(answers: TFourTsAnswers): { total: number; probability: TFourTsProbability } {
  const result = fourTsTotal(answers);
  if (!result) throw new Error("a recorded 4Ts screen has every item scored");
  return result;
}
