import { describe, expect, it } from "vitest";
import { compareDpPerFlow, dpFlowBaseline } from "./dp-per-flow";

const H = 3_600_000;
const at = (hours: number, v: number) => ({ t: hours * H, v });

describe("ΔP/flow against the first 24 h baseline", () => {
  const dp = [at(0, 20), at(12, 22), at(23, 24), at(30, 40)];
  const flow = [at(0, 4), at(12, 4), at(23, 4), at(30, 4)];

  it("takes mean ΔP over mean flow in the first 24 h of readings: 22 / 4", () => {
    expect(dpFlowBaseline(dp, flow)).toEqual({ dp: 22, flow: 4, from: 0, to: 24 * H, complete: true });
    expect(dpFlowBaseline(dp.slice(0, 2), flow.slice(0, 2))?.complete).toBe(false);
    expect(dpFlowBaseline([], flow)).toBeNull();
  });

  it("flags a rise of 30 % or more: 40 / 4 against 5.5 is +82 %", () => {
    const rise = compareDpPerFlow({ dp: 22, flow: 4 }, { dp: 40, flow: 4 });
    expect(rise?.changePct).toBeCloseTo(81.82, 2);
    expect(rise?.flagged).toBe(true);
    expect(compareDpPerFlow({ dp: 22, flow: 4 }, { dp: 28, flow: 4 })?.flagged).toBe(false);
    expect(compareDpPerFlow({ dp: 22, flow: 4 }, { dp: 28, flow: 0 })).toBeNull();
  });
});
