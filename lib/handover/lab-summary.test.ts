import { describe, expect, it } from "vitest";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import { labIntervalMs } from "./lab-summary";

describe("labIntervalMs", () => {
  it("puts the next anti-Xa due at the 12 h the overdue alarm uses (one home: the clinical limit), not 24 h", () => {
    expect(labIntervalMs("anti_xa", 0.4)).toBe(CLINICAL_LIMITS.antiXaMaxAge.value);
    expect(labIntervalMs("anti_xa", 0.4)).toBe(12 * 3_600_000);
  });

  it("shortens the lactate interval once the last value was raised", () => {
    expect(labIntervalMs("lactate", 2.5)).toBe(CLINICAL_LIMITS.lactateRaisedInterval.value);
    expect(labIntervalMs("lactate", 1.0)).toBe(8 * 3_600_000);
  });
});
