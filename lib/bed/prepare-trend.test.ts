import { describe, expect, it } from "vitest";
import { getParameter } from "@/lib/catalogue";
import { prepareTrendChart } from "./prepare-trend-chart";
import { prepareTrendTable } from "./prepare-trend-table";
import { alignedTicks } from "./time-axis";
import { trendChartsFor } from "./trend-charts";

const T0 = Date.UTC(2025, 0, 6, 8);
const H = 3_600_000;

describe("trend charts", () => {
  it("groups parameters that share a unit, per device type", () => {
    expect(trendChartsFor("VA_ECMO").map((c) => c.id)).toEqual([
      "ecmo_flow",
      "ecmo_rpm",
      "ecmo_pressures",
      "haemodynamics",
      "heart_rate",
      "limb",
      "lactate",
      "anti_xa",
      "platelets",
      "hemoglobin",
      "fibrinogen",
      "ldh",
    ]);
    const iabp = trendChartsFor("IABP");
    expect(iabp.map((c) => c.id)).not.toContain("ecmo_flow");
    expect(iabp.find((c) => c.id === "haemodynamics")?.parameters).toEqual(["map"]);
    expect(iabp.find((c) => c.id === "heart_rate")?.parameters).toEqual(["hr"]);
  });

  it("gives each chart one unit: every series of a chart is drawn on that unit's axis", () => {
    for (const deviceType of ["VA_ECMO", "IABP", "VA_ECMO_IABP"] as const)
      for (const spec of trendChartsFor(deviceType))
        expect(new Set(spec.parameters.map((p) => getParameter(p).unit)).size, spec.id).toBe(1);
    const hr = trendChartsFor("IABP").find((c) => c.parameters.includes("hr"));
    if (!hr) throw new Error("no heart rate chart");
    const chart = prepareTrendChart({
      spec: hr,
      deviceType: "IABP",
      locale: "en",
      timeZone: "UTC",
      from: T0,
      to: T0 + H,
      width: 600,
      points: { hr: [{ t: T0, v: 80 }] },
      labTimes: [],
    });
    expect(chart.unit).toBe(getParameter("hr").unitDisplay);
    expect(chart.unit).not.toBe("mmHg");
  });

  it("shades the target band, keeps its limit in view, and keeps gaps as gaps", () => {
    const spec = trendChartsFor("VA_ECMO")[0];
    if (!spec) throw new Error("no chart");
    const chart = prepareTrendChart({
      spec,
      deviceType: "VA_ECMO",
      locale: "en",
      timeZone: "UTC",
      from: T0,
      to: T0 + 6 * H,
      width: 600,
      points: {
        ecmo_flow: [
          { t: T0 - H, v: 9 },
          { t: T0 + H, v: 3.5 },
          { t: T0 + 2 * H, v: null },
          { t: T0 + 3 * H, v: 3.8 },
        ],
      },
      labTimes: [T0 + 2 * H, T0 - H],
    });
    expect(chart.band).toMatchObject({ y1: 2, y2: chart.yDomain?.[1], text: "> 2.00" });
    expect(chart.lines[0]?.points.map((p) => p.v)).toEqual([3.5, null, 3.8]);
    expect(chart.yDomain?.[0]).toBeLessThan(2);
    expect(chart.labMarkers).toEqual([T0 + 2 * H]);
    expect(chart.ticks).toEqual([0, 1, 2, 3, 4, 5, 6].map((h) => T0 + h * H));
  });

  it("draws lab samples as markers with a break after a long silence", () => {
    const spec = trendChartsFor("VA_ECMO").find((c) => c.id === "lactate");
    if (!spec) throw new Error("no chart");
    const chart = prepareTrendChart({
      spec,
      deviceType: "VA_ECMO",
      locale: "en",
      timeZone: "UTC",
      from: T0,
      to: T0 + 72 * H,
      width: 600,
      points: {
        lactate: [
          { t: T0, v: 4 },
          { t: T0 + 6 * H, v: 3 },
          { t: T0 + 60 * H, v: 2 },
        ],
      },
      labTimes: [],
    });
    expect(chart.lines[0]?.markers).toBe(true);
    expect(chart.lines[0]?.points.map((p) => p.v)).toEqual([4, 3, null, 2]);
  });
});

describe("time axis", () => {
  it("aligns ticks on the unit's wall clock", () => {
    // 3 h steps in Paris fall on 09:00, 12:00 Paris = 08:00, 11:00 UTC.
    expect(alignedTicks(T0 - 1, T0 + 4 * H, 3 * H, "Europe/Paris")).toEqual([T0, T0 + 3 * H]);
  });

  it("keeps ticks on the wall clock across the spring change, without drawing one twice", () => {
    // Paris, 29 March 2026: 02:00 local does not exist; 6 h ticks stay at 00:00, 06:00, 12:00 local.
    const ticks = alignedTicks(Date.UTC(2026, 2, 28, 22, 0), Date.UTC(2026, 2, 29, 11, 0), 6 * H, "Europe/Paris");
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T04:00:00.000Z",
      "2026-03-29T10:00:00.000Z",
    ]);
    const hourly = alignedTicks(Date.UTC(2026, 2, 29, 0, 0), Date.UTC(2026, 2, 29, 2, 0), H, "Europe/Paris");
    expect(hourly.map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
  });

  it("answers a window asked again (every chart of the view asks) the same, and never another zone's ticks", () => {
    const paris = alignedTicks(T0 - 1, T0 + 4 * H, 3 * H, "Europe/Paris");
    expect(alignedTicks(T0 - 1, T0 + 4 * H, 3 * H, "Europe/Paris")).toEqual(paris);
    // Kolkata is UTC+5:30: 08:00–12:00 UTC is 13:30–17:30 there, whose only 3 h mark, 15:00, is 09:30 UTC.
    expect(alignedTicks(T0 - 1, T0 + 4 * H, 3 * H, "Asia/Kolkata")).toEqual([T0 + 1.5 * H]);
    for (let i = 0; i < 20; i += 1) alignedTicks(T0 + i, T0 + 4 * H, H, "UTC");
    expect(alignedTicks(T0 - 1, T0 + 4 * H, 3 * H, "Europe/Paris")).toEqual(paris);
  });
});

describe("prepareTrendTable", () => {
  it("gives min–max per clock step, newest first, and a gap as an empty cell", () => {
    const line = {
      code: "ecmo_flow" as const,
      label: "Flow",
      color: "#fff",
      dash: undefined,
      decimals: 2,
      markers: false,
      marks: null,
      points: [
        { t: T0 + 10 * 60_000, v: 3.4 },
        { t: T0 + 40 * 60_000, v: 3.6 },
        { t: T0 + 2 * H + 5 * 60_000, v: 3.5 },
      ],
    };
    const table = prepareTrendTable([line], {
      from: T0,
      to: T0 + 3 * H - 1,
      timeZone: "UTC",
      locale: "en",
      maxRows: 3,
    });
    expect(table.stepMs).toBe(H);
    expect(table.rows.map((r) => r.cells[0]?.text ?? null)).toEqual(["3.50", null, "3.40–3.60"]);
    expect(table.rows[2]?.from).toBe(T0);
  });
});

describe("prepareTrendTable for labs", () => {
  it("lists only the stretches that hold a sample", () => {
    const line = {
      code: "lactate" as const,
      label: "Lactate",
      color: "#fff",
      dash: undefined,
      decimals: 1,
      markers: true,
      marks: null,
      points: [{ t: T0 + 30 * 60_000, v: 2.1 }],
    };
    const table = prepareTrendTable([line], {
      from: T0,
      to: T0 + 6 * H,
      timeZone: "UTC",
      locale: "en",
      onlyFilled: true,
    });
    expect(table.rows.map((r) => r.cells[0]?.text)).toEqual(["2.1"]);
  });
});
