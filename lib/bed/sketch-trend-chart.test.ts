import { describe, expect, it } from "vitest";
import { prepareTrendChart } from "./prepare-trend-chart";
import { sketchTrendChart } from "./sketch-trend-chart";
import { trendChartsFor } from "./trend-charts";

const T0 = Date.UTC(2025, 0, 6, 8);
const H = 3_600_000;
const specOf = (id: string) => {
  const spec = trendChartsFor("VA_ECMO").find((c) => c.id === id);
  if (!spec) throw new Error(`no chart ${id}`);
  return spec;
};
const base = {
  deviceType: "VA_ECMO" as const,
  locale: "en" as const,
  timeZone: "UTC",
  from: T0,
  to: T0 + 4 * H,
  width: 600,
  labTimes: [],
};

/** A sketch's path read back as absolute points, one list per stroke (a gap starts a new one). */
function strokesOf(d: string): [number, number][][] {
  const strokes: [number, number][][] = [];
  let at: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MlhvL])([^MlhvL]*)/g)) {
    const n = (args?.match(/-?\d+/g) ?? []).map(Number);
    const [a = 0, b = 0] = n;
    if (command === "M") strokes.push([]);
    at =
      command === "M" || command === "L"
        ? [a, b]
        : command === "l"
          ? [at[0] + a, at[1] + b]
          : command === "h"
            ? [at[0] + a, at[1]]
            : [at[0], at[1] + a];
    strokes.at(-1)?.push(at);
  }
  return strokes;
}

describe("trend sketch (the server-drawn chart)", () => {
  it("lifts the pen at a gap instead of joining across it", () => {
    const chart = prepareTrendChart({
      ...base,
      spec: specOf("ecmo_rpm"),
      points: {
        ecmo_rpm: [
          { t: T0, v: 3000 },
          { t: T0 + H, v: 3100 },
          { t: T0 + 2 * H, v: null },
          { t: T0 + 3 * H, v: 3000 },
          { t: T0 + 4 * H, v: 3100 },
        ],
      },
    });
    const [line] = sketchTrendChart(chart).lines;
    const strokes = strokesOf(line?.d ?? "");
    expect(strokes.map((stroke) => stroke.map(([x]) => x))).toEqual([
      [0, 250],
      [750, 1000],
    ]);
    // The same value at both ends of each stroke: drawn at the same height.
    expect(strokes[0]?.[0]?.[1]).toBe(strokes[1]?.[0]?.[1]);
    expect(line?.dots).toBeNull();
  });

  it("puts the highest value near the top and the lowest near the bottom, as the y domain says", () => {
    const chart = prepareTrendChart({
      ...base,
      spec: specOf("ecmo_rpm"),
      points: {
        ecmo_rpm: [
          { t: T0, v: 3000 },
          { t: T0 + 4 * H, v: 3400 },
        ],
      },
    });
    const sketch = sketchTrendChart(chart);
    const [[[, y0] = [0, 0], [, y1] = [0, 0]] = []] = strokesOf(sketch.lines[0]?.d ?? "");
    expect(y0).toBeGreaterThan(y1);
    // Ticks are where the values are: 3,000 lies below 3,400 on screen.
    const at = (v: number) => sketch.yTicks.find((tick) => tick.v === v)?.at ?? NaN;
    expect(at(3_000)).toBeGreaterThan(at(3_400));
    expect(sketch.xTicks[0]).toEqual({ t: T0, at: 0 });
    expect(sketch.xTicks.at(-1)).toEqual({ t: T0 + 4 * H, at: 1 });
  });

  it("writes each step relative to the last point, in its shortest form, and leaves out a step that does not move", () => {
    const chart = prepareTrendChart({
      ...base,
      spec: specOf("ecmo_rpm"),
      // 3,000 and 3,400 span the y domain; the third point repeats the second's place, the fourth is straight below.
      points: {
        ecmo_rpm: [
          { t: T0, v: 3000 },
          { t: T0 + H, v: 3400 },
          { t: T0 + H, v: 3400 },
          { t: T0 + H, v: 3000 },
          { t: T0 + 2 * H, v: 3000 },
          { t: T0 + 3 * H, v: 3200 },
        ],
      },
    });
    const d = sketchTrendChart(chart).lines[0]?.d ?? "";
    expect(d).toMatch(/^M0 (\d+)l250-(\d+)v(\d+)h250l250-(\d+)$/);
    expect(strokesOf(d)[0]?.map(([x]) => x)).toEqual([0, 250, 250, 500, 750]);
  });

  it("draws each lab result as a dot and shades the target band within the plot", () => {
    const chart = prepareTrendChart({
      ...base,
      spec: specOf("lactate"),
      points: {
        lactate: [
          { t: T0 + H, v: 1.2 },
          { t: T0 + 3 * H, v: 4 },
        ],
      },
    });
    const sketch = sketchTrendChart(chart);
    expect(sketch.lines[0]?.dots?.match(/h0/g)).toHaveLength(2);
    // Lactate < 2.0: the band runs from the bottom of the plot up to 2.0.
    expect(sketch.band?.bottom).toBe(1000);
    expect(sketch.band?.top).toBeGreaterThan(0);
    expect(sketch.band?.top).toBeLessThan(1000);
  });

  it("marks lab results as the interactive chart does: a censored one's triangle at its limit, a correction's ring, the superseded original only on request", () => {
    const labs = {
      anti_xa: [
        { seq: 1, value: 0.35, observedAt: T0 + H },
        { seq: 4, value: 0.1, observedAt: T0 + 2 * H, comparator: "<" as const },
        { seq: 5, value: 0.25, observedAt: T0 + 3 * H, status: "corrected" as const },
      ],
    };
    const replacedLabs = {
      anti_xa: [
        {
          seq: 3,
          value: 0.52,
          observedAt: T0 + 3 * H,
          replacedBy: { seq: 5, status: "corrected" as const, value: 0.25 },
        },
      ],
    };
    const chartOf = (showSuperseded: boolean) =>
      prepareTrendChart({
        ...base,
        spec: specOf("anti_xa"),
        points: { anti_xa: labs.anti_xa.map((s) => ({ t: s.observedAt, v: s.value })) },
        labs,
        replacedLabs,
        showSuperseded,
      });
    const [line] = sketchTrendChart(chartOf(false)).lines;
    expect(line?.marks.map((m) => [m.mark.shape, m.mark.state, m.mark.text])).toEqual([
      ["dot", "current", "0.35"],
      ["below", "current", "< 0.10"],
      ["dot", "corrected", "0.25"],
    ]);
    // Every result is marked, so no plain dot is drawn besides; each mark sits where the line passes.
    expect(line?.dots).toBe("");
    expect(line?.marks.map((m) => m.x)).toEqual([0.25, 0.5, 0.75]);
    const chart = chartOf(false);
    const [low, high] = chart.yDomain ?? [0, 1];
    expect(line?.marks[1]?.y).toBeCloseTo((high - 0.1) / (high - low));

    const shown = sketchTrendChart(chartOf(true)).lines[0]?.marks ?? [];
    expect(shown.filter((m) => m.mark.state === "superseded").map((m) => [m.x, m.mark.text, m.mark.how])).toEqual([
      [0.75, "0.52", "corrected"],
    ]);
  });
});
