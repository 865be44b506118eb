import { describe, expect, it } from "vitest";
import { suggestScaiStage } from "./scai-stage";

const onIabp = (v: number, previous?: number) =>
  suggestScaiStage({
    deviceType: "IABP",
    latestLactate: { t: 10, v },
    previousLactate: previous === undefined ? null : { t: 5, v: previous },
  });

describe("SCAI stage suggestion from the support and lactate", () => {
  it("suggests E for a patient on VA-ECMO whatever the lactate (2019 table), with or without an IABP", () => {
    for (const deviceType of ["VA_ECMO", "VA_ECMO_IABP"] as const) {
      expect(suggestScaiStage({ deviceType, latestLactate: { t: 0, v: 1.1 }, previousLactate: null })).toMatchObject({
        stage: "E",
        criterion: "onVaEcmo",
        source: { id: "scai2019" },
      });
      expect(suggestScaiStage({ deviceType, latestLactate: null, previousLactate: null }).stage).toBe("E");
    }
  });

  it("on an IABP: C from 2 mmol/L, E from 8, D when the lactate rises by 0.5 or more on support", () => {
    expect([1.9, 2, 7.9, 8, 12].map((v) => onIabp(v).stage)).toEqual([null, "C", "C", "E", "E"]);
    expect(onIabp(1.8, 1.2)).toMatchObject({ stage: "D", criterion: "lactateRisingOnSupport", lactate: { v: 1.8 } });
    expect(onIabp(3.0, 2.6)).toMatchObject({ stage: "C", criterion: "lactateAtLeast2" });
    expect(onIabp(9, 3)).toMatchObject({ stage: "E", criterion: "lactateAtLeast8" });
    expect(suggestScaiStage({ deviceType: "IABP", latestLactate: null, previousLactate: null })).toMatchObject({
      stage: null,
      criterion: "noLactate",
    });
  });

  it("with no support running: C and E from the lactate alone, never D (a rise is not deterioration despite support)", () => {
    const noSupport = (v: number, previous: number) =>
      suggestScaiStage({ deviceType: null, latestLactate: { t: 10, v }, previousLactate: { t: 5, v: previous } });
    expect(noSupport(1.8, 1.2)).toMatchObject({ stage: null, criterion: "lactateBelow2" });
    expect(noSupport(3.1, 2.0)).toMatchObject({ stage: "C", criterion: "lactateAtLeast2" });
    expect(noSupport(8.5, 3)).toMatchObject({ stage: "E", criterion: "lactateAtLeast8" });
  });
});
