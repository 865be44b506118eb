import { describe, expect, it } from "vitest";
import type { TLabResult } from "./lab-result";
import { planLabResult, type TStoredResult } from "./plan-lab-result";

const final = (extra: Partial<TLabResult> = {}): TLabResult => ({
  status: "final",
  resultKey: "ORD-1|anti_xa|1",
  valueSent: true,
  ...extra,
});
const stored = (extra: Partial<TStoredResult> = {}): TStoredResult => ({
  seq: 41,
  parameter: "anti_xa",
  value: 0.52,
  comparator: null,
  resultStatus: "final",
  ...extra,
});
const plan = (value: number, lab: TLabResult, current?: TStoredResult) =>
  planLabResult({ parameter: "anti_xa", value, lab, current });

describe("planLabResult: what a laboratory result stores", () => {
  it.each([
    ["a first result", 0.52, final(), undefined, { kind: "new", value: 0.52 }],
    [
      "a correction of the stored result",
      0.25,
      final({ status: "corrected" }),
      stored(),
      { kind: "supersede", value: 0.25, supersedesSeq: 41 },
    ],
    [
      "the final after a preliminary",
      0.5,
      final(),
      stored({ resultStatus: "preliminary", value: 0.5 }),
      { kind: "supersede", value: 0.5, supersedesSeq: 41 },
    ],
    [
      "a censored value replacing a plain one",
      0.1,
      final({ comparator: "<" }),
      stored({ value: 0.1 }),
      { kind: "supersede", value: 0.1, supersedesSeq: 41 },
    ],
    [
      "a cancellation without a value, which keeps the withdrawn value",
      0,
      final({ status: "cancelled", valueSent: false }),
      stored(),
      { kind: "supersede", value: 0.52, supersedesSeq: 41 },
    ],
    ["the same result sent again", 0.52, final(), stored(), { kind: "skip" }],
    [
      "a correction re-sent once stored",
      0.25,
      final({ status: "corrected" }),
      stored({ value: 0.25, resultStatus: "corrected" }),
      { kind: "skip" },
    ],
    [
      "a cancellation of a cancelled result",
      0,
      final({ status: "cancelled", valueSent: false }),
      stored({ resultStatus: "cancelled" }),
      { kind: "skip" },
    ],
    [
      "a cancellation of a result never stored",
      0,
      final({ status: "cancelled", valueSent: false }),
      undefined,
      { kind: "skip" },
    ],
    [
      "a cancellation with a value of a result never stored",
      0.4,
      final({ status: "cancelled" }),
      undefined,
      { kind: "new", value: 0.4 },
    ],
    ["a key reused for another parameter", 0.3, final(), stored({ parameter: "lactate" }), { kind: "new", value: 0.3 }],
  ] as const)("%s", (_what, value, lab, current, expected) => {
    expect(plan(value, lab, current)).toEqual(expected);
  });
});
