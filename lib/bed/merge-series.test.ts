import { describe, expect, it } from "vitest";
import type { TParameterSeries } from "./series";
import { appendToSeries } from "./merge-series";

const T0 = Date.UTC(2025, 0, 6, 8);
const S = 1_000;

function series(points: TParameterSeries["points"], patch: Partial<TParameterSeries> = {}): TParameterSeries {
  return {
    bedId: "b1",
    episodeId: "e1",
    parameter: "ecmo_flow",
    from: T0,
    to: T0 + 60 * S,
    width: 100,
    bucketMs: 600,
    maxGapMs: 300 * S,
    lastSeq: 10,
    points,
    ...patch,
  };
}
const reading = (seq: number, atS: number, value: number, parameter = "ecmo_flow") => ({
  seq,
  episodeId: "e1",
  parameter,
  value,
  observedAt: T0 + atS * S,
});

describe("appendToSeries", () => {
  const base = series([
    { t: T0, v: 3.5 },
    { t: T0 + 60 * S, v: 3.6 },
  ]);

  it("appends live readings at the edge and slides a live window", () => {
    const next = appendToSeries(base, [reading(11, 65, 3.4), reading(12, 70, 3.3)], { spanMs: 60 * S });
    expect(next.points).toEqual([
      { t: T0 + 60 * S, v: 3.6 },
      { t: T0 + 65 * S, v: 3.4 },
      { t: T0 + 70 * S, v: 3.3 },
    ]);
    expect(next).toMatchObject({ from: T0 + 10 * S, to: T0 + 70 * S, lastSeq: 12 });
  });

  it("keeps the start of an episode-long window", () => {
    expect(appendToSeries(base, [reading(11, 65, 3.4)], { spanMs: null }).from).toBe(T0);
  });

  it("breaks the line before a reading that follows a long silence", () => {
    const next = appendToSeries(base, [reading(11, 60 + 400, 3.4)], { spanMs: null });
    expect(next.points.map((p) => p.v)).toEqual([3.5, 3.6, null, 3.4]);
  });

  it("ignores readings it already has, other parameters and other episodes, and returns the same object", () => {
    expect(
      appendToSeries(base, [reading(9, 65, 1), reading(11, 65, 1, "hr"), { ...reading(12, 65, 1), episodeId: "e0" }], {
        spanMs: null,
      }),
    ).toBe(base);
    const once = appendToSeries(base, [reading(11, 60, 3.6)], { spanMs: null });
    expect(once.points).toHaveLength(2);
    expect(once.lastSeq).toBe(11);
  });

  it("downsamples again, keeping extremes, when live points outgrow the width", () => {
    let current = series([], { width: 10, to: T0 });
    const readings = Array.from({ length: 200 }, (_, i) => reading(11 + i, i * 5, i === 77 ? 0.5 : 3.5));
    current = appendToSeries(current, readings, { spanMs: null });
    expect(current.points.length).toBeLessThanOrEqual(25);
    expect(current.points).toContainEqual({ t: T0 + 77 * 5 * S, v: 0.5 });
  });
});
