import { describe, expect, it } from "vitest";
import type { TLabSample, TReplacedLabSample } from "./bed-detail";
import { prepareLabMarks } from "./prepare-lab-marks";

const H = 3_600_000;
const T = Date.UTC(2026, 10, 23, 8);
const samples: TLabSample[] = [
  { seq: 1, value: 0.35, observedAt: T },
  { seq: 4, value: 0.1, observedAt: T + 6 * H, comparator: "<" },
  { seq: 5, value: 0.25, observedAt: T + 12 * H, status: "corrected" },
  { seq: 6, value: 0.9, observedAt: T + 18 * H, comparator: ">=" },
];
const replaced: TReplacedLabSample[] = [
  { seq: 3, value: 0.52, observedAt: T + 12 * H, replacedBy: { seq: 5, status: "corrected", value: 0.25 } },
  { seq: 2, value: 0.61, observedAt: T + 3 * H, replacedBy: { seq: 7, status: "cancelled", value: 0.61 } },
];
const marks = (showSuperseded: boolean, from = T, to = T + 24 * H) =>
  prepareLabMarks({ samples, replaced, showSuperseded, decimals: 2, locale: "en", from, to });

describe("prepareLabMarks: laboratory results on a trend", () => {
  it("draws a censored result at its limit with a triangle pointing where the true value lies, written as the lab wrote it", () => {
    const { current } = marks(false);
    expect(current.map((m) => [m.v, m.shape, m.text])).toEqual([
      [0.35, "dot", "0.35"],
      [0.1, "below", "< 0.10"],
      [0.25, "dot", "0.25"],
      [0.9, "above", "≥ 0.90"],
    ]);
  });

  it("marks a correction that stands as corrected", () => {
    expect(marks(false).current.map((m) => m.state)).toEqual(["current", "current", "corrected", "current"]);
  });

  it("hides superseded results by default, and says there are some to show", () => {
    const hidden = marks(false);
    expect(hidden.superseded).toEqual([]);
    expect(hidden.hasSuperseded).toBe(true);
  });

  it("shows them on request, apart, in time order, saying what replaced each, the correction beside its original", () => {
    const { superseded, current } = marks(true);
    expect(superseded).toEqual([
      { t: T + 3 * H, v: 0.61, shape: "dot", text: "0.61", state: "superseded", how: "cancelled" },
      { t: T + 12 * H, v: 0.52, shape: "dot", text: "0.52", state: "superseded", how: "corrected" },
    ]);
    expect(current.find((m) => m.t === T + 12 * H)).toMatchObject({ v: 0.25, state: "corrected" });
  });

  it("keeps to the window, the offer to show superseded results included", () => {
    const late = marks(true, T + 13 * H, T + 24 * H);
    expect(late.current.map((m) => m.v)).toEqual([0.9]);
    expect(late.superseded).toEqual([]);
    expect(late.hasSuperseded).toBe(false);
  });

  it("writes the number in the locale's way (French decimal comma)", () => {
    const fr = prepareLabMarks({
      samples,
      replaced,
      showSuperseded: false,
      decimals: 2,
      locale: "fr",
      from: T,
      to: T + 24 * H,
    });
    expect(fr.current[1]?.text).toBe("< 0,10");
  });
});
