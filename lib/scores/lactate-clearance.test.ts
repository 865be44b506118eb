import { describe, expect, it } from "vitest";
import { cannulationLactateClearance, lactateClearance, recentLactateClearance } from "./lactate-clearance";

const H = 3_600_000;
const at = (hours: number, v: number) => ({ t: hours * H, v });

describe("lactate clearance (L0 − Lt) / L0 × 100", () => {
  const samples = [at(0, 6.0), at(3, 5.0), at(6, 3.0), at(12, 2.4), at(18, 2.0), at(24, 1.5)];

  it("over the last 6 h: 2.0 → 1.5 is 25 %", () => {
    expect(recentLactateClearance(samples, 6 * H)).toEqual({ l0: at(18, 2.0), lt: at(24, 1.5), pct: 25 });
  });

  it("over the last 24 h: 6.0 → 1.5 is 75 %", () => {
    expect(recentLactateClearance(samples, 24 * H)?.pct).toBeCloseTo(75, 10);
  });

  it("is negative when lactate rises: 2 → 3 is −50 %", () => {
    expect(lactateClearance([at(0, 2), at(6, 3)], { fromAt: 0, toAt: 6 * H, toleranceMs: H })?.pct).toBe(-50);
  });

  it("needs a sample near each end of the window", () => {
    expect(recentLactateClearance([at(0, 4), at(12, 2)], 6 * H)).toBeNull();
    expect(recentLactateClearance([at(0, 4)], 6 * H)).toBeNull();
    expect(recentLactateClearance([], 6 * H)).toBeNull();
    expect(lactateClearance([at(0, 0), at(6, 1)], { fromAt: 0, toAt: 6 * H, toleranceMs: H })).toBeNull();
  });

  it("flags the 24 h prognostic markers from cannulation: clearance < 64 % or lactate > 1.55", () => {
    expect(cannulationLactateClearance(samples, 0)).toMatchObject({ pct: 75, poorPrognosis: false });
    const slow = [at(0.5, 6.0), at(23, 2.4)];
    const result = cannulationLactateClearance(slow, 0);
    expect(result?.pct).toBeCloseTo(60, 10);
    expect(result?.poorPrognosis).toBe(true);
    expect(cannulationLactateClearance([at(0, 2.0), at(24, 1.6)], 0)?.poorPrognosis).toBe(true);
  });
});
