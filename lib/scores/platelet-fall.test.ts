import { describe, expect, it } from "vitest";
import { fourTsProbability, fourTsTotal, prefillFourTs } from "./four-ts";
import { plateletFall } from "./platelet-fall";

const D = 86_400_000;
const day = (d: number, v: number) => ({ t: d * D, v });

describe("platelet fall from the post-heparin peak", () => {
  // Before heparin (day −1) a higher count does not count as the peak.
  const hit = [day(-1, 400), day(0, 210), day(1, 250), day(2, 240), day(5, 160), day(6, 110), day(7, 100)];

  it("measures the fall from the highest count since heparin start: 250 → 100 is 60 %", () => {
    const fall = plateletFall(hit, 0);
    expect(fall).toMatchObject({
      peak: day(1, 250),
      latest: day(7, 100),
      nadir: day(7, 100),
      fallPct: 60,
      maxFallPct: 60,
      screen: "fall50",
    });
    expect(fall?.onsetDay).toBe(5);
    expect(fall?.latestDay).toBe(7);
  });

  it("suggests a screen for > 30 % on days 5–10, not before", () => {
    expect(plateletFall([day(0, 200), day(6, 130)], 0)?.screen).toBe("fall30days5to10");
    expect(plateletFall([day(0, 200), day(3, 130)], 0)?.screen).toBeNull();
    expect(plateletFall([day(0, 200)], 0)).toBeNull();
  });

  it("pre-fills the 4Ts items the counts can tell, and leaves the others to the clinician", () => {
    expect(prefillFourTs(plateletFall(hit, 0))).toEqual({
      thrombocytopenia: { score: 2, reason: "fallOver50Nadir20" },
      timing: { score: 2, reason: "onsetDays5to10" },
    });
    expect(prefillFourTs(plateletFall([day(0, 200), day(2, 120)], 0))).toEqual({
      thrombocytopenia: { score: 1, reason: "fall30to50" },
      timing: { score: 0, reason: "onsetBeforeDay4" },
    });
    expect(prefillFourTs(plateletFall([day(0, 200), day(12, 15)], 0))).toEqual({
      thrombocytopenia: { score: 1, reason: "nadir10to19" },
      timing: { score: 1, reason: "onsetAfterDay10" },
    });
    expect(prefillFourTs(plateletFall([day(0, 200), day(1, 180)], 0))).toEqual({
      thrombocytopenia: { score: 0, reason: "fallUnder30" },
      timing: null,
    });
    expect(prefillFourTs(null)).toEqual({ thrombocytopenia: null, timing: null });
  });
});

describe("4Ts interpretation (Lo 2006)", () => {
  it("reads 0–3 low, 4–5 intermediate, 6–8 high", () => {
    expect([0, 3, 4, 5, 6, 8].map(fourTsProbability)).toEqual([
      "low",
      "low",
      "intermediate",
      "intermediate",
      "high",
      "high",
    ]);
  });

  it("totals only when every item is scored", () => {
    expect(fourTsTotal({ thrombocytopenia: 2, timing: 2, thrombosis: 0, otherCause: 1 })).toEqual({
      total: 5,
      probability: "intermediate",
    });
    expect(fourTsTotal({ thrombocytopenia: 2, timing: 2, thrombosis: null, otherCause: 2 })).toBeNull();
  });
});
