import { describe, expect, it } from "vitest";
import { suggestScaiStage } from "./scai-stage";

describe("SCAI stage suggestion from lactate", () => {
  it("suggests C from 2 mmol/L and E from 8, with its input and source", () => {
    const stage = (v: number) => suggestScaiStage({ t: 0, v }).stage;
    expect([1.9, 2, 7.9, 8, 12].map(stage)).toEqual([null, "C", "C", "E", "E"]);
    expect(suggestScaiStage({ t: 5, v: 3.1 })).toMatchObject({
      criterion: "lactateAtLeast2",
      lactate: { t: 5, v: 3.1 },
      source: { id: "scai2019" },
    });
    expect(suggestScaiStage(null)).toMatchObject({ stage: null, criterion: "noLactate" });
  });
});
