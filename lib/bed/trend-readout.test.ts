import { describe, expect, it } from "vitest";
import { prepareTrendChart } from "./prepare-trend-chart";
import { readTrendAt } from "./trend-readout";
import { trendChartsFor } from "./trend-charts";

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;
const spec = trendChartsFor("VA_ECMO")[0];
if (!spec) throw new Error("no chart");
const chart = prepareTrendChart({
  spec,
  deviceType: "VA_ECMO",
  locale: "en",
  timeZone: "UTC",
  from: T0,
  to: T0 + 60 * MIN,
  width: 600,
  points: {
    ecmo_flow: [
      { t: T0, v: 4.1 },
      { t: T0 + 10 * MIN, v: 4.3 },
      { t: T0 + 11 * MIN, v: null },
      { t: T0 + 30 * MIN, v: 3.9 },
    ],
    ecmo_sweep: [{ t: T0 + 9 * MIN, v: 3 }],
  },
  labTimes: [],
});
const read = (at: number) => readTrendAt(chart, at, { toleranceMs: 3 * MIN, locale: "en" });

describe("trend readout", () => {
  it("reads the nearest point of each line, printed with the parameter's decimals", () => {
    const readout = read(T0 + 9.5 * MIN);
    expect(readout.lines.map((l) => [l.code, l.reading])).toEqual([
      ["ecmo_flow", { t: T0 + 10 * MIN, text: "4.30" }],
      ["ecmo_sweep", { t: T0 + 9 * MIN, text: "3.0" }],
    ]);
  });

  it("reads nothing inside a gap rather than a neighbour beyond it", () => {
    // 20 min into a gap that runs from 11 to 30 min: no flow reading within 3 min, and the null point is no value.
    expect(read(T0 + 20 * MIN).lines[0]?.reading).toBeNull();
    expect(read(T0 + 11 * MIN).lines[0]?.reading).toEqual({ t: T0 + 10 * MIN, text: "4.30" });
  });

  it("reads nothing before the first or after the last point beyond the tolerance", () => {
    expect(read(T0 + 50 * MIN).lines.map((l) => l.reading)).toEqual([null, null]);
  });
});
