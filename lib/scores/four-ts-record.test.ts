import { describe, expect, it } from "vitest";
import { fourTsInputs, fourTsSources, scoreFourTs, ZFourTsAnswers } from "./four-ts-record";

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 8);

describe("a recorded 4Ts screen", () => {
  it("keeps what the counts said: peak, nadir, fall and onset day, and the pre-filled scores with their reasons", () => {
    // 200 → 90 on day 6: a 55 % fall, nadir ≥ 20, first ≥ 30 % below the peak on day 6.
    const inputs = fourTsInputs(
      [
        { t: START + DAY, v: 200 },
        { t: START + 3 * DAY, v: 180 },
        { t: START + 6 * DAY, v: 90 },
      ],
      START,
    );
    expect(inputs.platelets).toMatchObject({ peak: { v: 200 }, nadir: { v: 90 }, onsetDay: 6 });
    expect(inputs.platelets?.maxFallPct).toBeCloseTo(55, 9);
    expect(inputs.prefill).toEqual({
      thrombocytopenia: { score: 2, reason: "fallOver50Nadir20" },
      timing: { score: 2, reason: "onsetDays5to10" },
    });
    expect(fourTsInputs([{ t: START + DAY, v: 200 }], START)).toEqual({
      heparinStartedAt: START,
      platelets: null,
      prefill: { thrombocytopenia: null, timing: null },
    });
  });

  it("says which answers came from the data and which from the bedside", () => {
    const prefill = {
      thrombocytopenia: { score: 2, reason: "fallOver50Nadir20" },
      timing: { score: 2, reason: "onsetDays5to10" },
    } as const;
    expect(fourTsSources({ thrombocytopenia: 2, timing: 1, thrombosis: 0, otherCause: 1 }, prefill)).toEqual({
      thrombocytopenia: "data",
      timing: "clinician",
      thrombosis: "clinician",
      otherCause: "clinician",
    });
    expect(
      fourTsSources(
        { thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 0 },
        { thrombocytopenia: null, timing: null },
      ).thrombocytopenia,
    ).toBe("clinician");
  });

  it("totals into Lo 2006's bands and refuses an unscored or unknown item", () => {
    expect(scoreFourTs({ thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 1 })).toEqual({
      total: 5,
      probability: "intermediate",
    });
    expect(scoreFourTs({ thrombocytopenia: 2, timing: 2, thrombosis: 1, otherCause: 1 })).toEqual({
      total: 6,
      probability: "high",
    });
    expect(ZFourTsAnswers.safeParse({ thrombocytopenia: 2, timing: null, thrombosis: 0, otherCause: 0 }).success).toBe(
      false,
    );
    expect(ZFourTsAnswers.safeParse({ thrombocytopenia: 2, timing: 3, thrombosis: 0, otherCause: 0 }).success).toBe(
      false,
    );
    expect(
      ZFourTsAnswers.safeParse({ thrombocytopenia: 2, timing: 1, thrombosis: 0, otherCause: 0, extra: 1 }).success,
    ).toBe(false);
  });
});
