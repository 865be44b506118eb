import { describe, expect, it } from "vitest";
import { packTrends, unpackTrends } from "./pack-trends";
import type { TBedTrends, TParameterSeries } from "./series";

const T0 = Date.UTC(2025, 0, 6, 8);
const meta = {
  bedId: "b1",
  episodeId: "e1",
  from: T0,
  to: T0 + 86_400_000,
  width: 700,
  bucketMs: 123_429,
  maxGapMs: 300_000,
  lastSeq: 4_242,
} as const;
const series = (parameter: TParameterSeries["parameter"], points: TParameterSeries["points"]): TParameterSeries => ({
  ...meta,
  parameter,
  points,
});

describe("packed trends (the series the bed page carries with its HTML)", () => {
  it("reads back exactly what was packed: times, values, gaps, and every field around the points", () => {
    const trends: TBedTrends = {
      series: [
        series("ecmo_flow", [
          { t: T0, v: 3.52 },
          { t: T0 + 61_234, v: 0.1 + 0.2 },
          { t: T0 + 400_000, v: null },
          { t: T0 + 800_000, v: -12.5 },
          { t: T0 + 800_000, v: 1e-7 },
          { t: T0 + 900_001, v: 123_456.789 },
        ]),
        series("hr", []),
        // A time that is not a whole number of ms, and points out of order, still come back as they were.
        series("map", [
          { t: T0 + 0.5, v: 65 },
          { t: T0 - 1_000, v: 64 },
          { t: T0 + 2_000, v: 0 },
        ]),
      ],
    };
    expect(unpackTrends(packTrends(trends))).toEqual(trends);
  });

  it("is several times smaller than the same series as JSON, and holds nothing a script string must escape", () => {
    const points = Array.from({ length: 700 }, (_, i) => ({
      t: T0 + i * 123_429 + (i % 7),
      v: Math.round((3.5 + Math.sin(i / 9)) * 100) / 100,
    }));
    const trends: TBedTrends = { series: [series("ecmo_flow", points)] };
    const packed = JSON.stringify(packTrends(trends));
    expect(packed.length * 2.5).toBeLessThan(JSON.stringify(trends).length);
    expect(packTrends(trends).series[0]?.points).toMatch(/^[0-9a-z.,;~-]+$/);
  });
});
