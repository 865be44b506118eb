import { describe, expect, it } from "vitest";
import { timeInRange } from "./time-in-range";

const H = 3_600_000;
const at = (hours: number, v: number) => ({ t: hours * H, v });
const ECMO = { low: 0.3, high: 0.5 };

describe("anti-Xa time in target range (Rosendaal, linear interpolation)", () => {
  it("0.2 → 0.4 → 0.6 over 24 h spends 6 h + 6 h in 0.3–0.5: 50 %", () => {
    const result = timeInRange([at(0, 0.2), at(12, 0.4), at(24, 0.6)], ECMO);
    expect(result).toMatchObject({ inRangeMs: 12 * H, totalMs: 24 * H, samples: 3, method: "rosendaal" });
    expect(result?.pct).toBeCloseTo(50, 10);
  });

  it("counts the part of a segment that crosses both limits: 0.1 → 0.6 over 10 h is 4 h in range", () => {
    expect(timeInRange([at(0, 0.1), at(10, 0.6)], ECMO)?.pct).toBeCloseTo(40, 10);
  });

  it("includes the limits, sorts the samples, and needs two of them", () => {
    expect(timeInRange([at(12, 0.5), at(0, 0.5)], ECMO)?.pct).toBe(100);
    expect(timeInRange([at(0, 0.7), at(6, 0.8)], ECMO)?.pct).toBe(0);
    expect(timeInRange([at(0, 0.4)], ECMO)).toBeNull();
  });
});
