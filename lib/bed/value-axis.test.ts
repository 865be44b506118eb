import { describe, expect, it } from "vitest";
import { valueTicks } from "./value-axis";

describe("value-axis ticks", () => {
  it("falls on round numbers inside the domain", () => {
    expect(valueTicks(1.81, 4.54, 2)).toEqual([2, 2.5, 3, 3.5, 4, 4.5]);
    expect(valueTicks(1.81, 4.54, 2, 4)).toEqual([2, 3, 4]);
    expect(valueTicks(3_220, 3_378, 0)).toEqual([3_250, 3_300, 3_350]);
    expect(valueTicks(-84, 246, 0)).toEqual([-50, 0, 50, 100, 150, 200]);
  });

  it("is never finer than the parameter's decimals", () => {
    // An assist ratio shown without decimals gets whole ticks only, however narrow the domain.
    expect(valueTicks(0.6, 3.4, 0)).toEqual([1, 2, 3]);
    expect(valueTicks(0.9, 1.1, 0)).toEqual([1]);
    // A 2.5 step would print 1 decimal: an integer axis takes 5 instead.
    expect(valueTicks(0, 10, 0, 4)).toEqual([0, 5, 10]);
    expect(valueTicks(0, 1, 1, 4)).toEqual([0, 0.5, 1]);
  });

  it("prints exact decimals", () => {
    expect(valueTicks(0.28, 0.52, 2)).toEqual([0.3, 0.35, 0.4, 0.45, 0.5]);
    expect(valueTicks(0.995, 1.005, 2)).toEqual([1]);
    expect(valueTicks(0.28, 0.52, 2).map(String)).not.toContain("0.30000000000000004");
  });

  it("answers nothing for an empty or reversed domain", () => {
    expect(valueTicks(5, 5, 0)).toEqual([]);
    expect(valueTicks(6, 5, 0)).toEqual([]);
    expect(valueTicks(Number.NaN, 5, 0)).toEqual([]);
  });
});
