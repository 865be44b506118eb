import { describe, expect, it } from "vitest";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import { formatHandoverValue } from "./format-handover";
import { labIntervalMs, summarizeLab } from "./lab-summary";

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

describe("summarizeLab with laboratory results as sent", () => {
  const H = 3_600_000;
  const startsAt = Date.UTC(2026, 10, 23, 7);
  it("keeps a censored end value's comparator, judges it on its side of the target, and marks a correction", () => {
    const summary = summarizeLab({
      code: "anti_xa",
      deviceType: "VA_ECMO",
      samples: [
        { t: startsAt - 2 * H, v: 0.35 },
        { t: startsAt + 2 * H, v: 0.3, comparator: "<", corrected: true },
      ],
      startsAt,
      coversUntil: startsAt + 12 * H,
    });
    // "< 0.30" is below the 0.30 low limit of the target, though 0.30 itself is in it.
    expect(summary.end).toMatchObject({ value: 0.3, comparator: "<", corrected: true, status: "low" });
    expect(summary.start).toEqual({ value: 0.35, observedAt: startsAt - 2 * H, status: "in" });
    expect(formatHandoverValue("anti_xa", 0.3, "en", "<")).toBe("< 0.30 IU/mL");
  });
});
