import { describe, expect, it } from "vitest";
import { prepareTrendMarkers } from "./prepare-trend-markers";
import { alarmDto } from "@/lib/alarms/alarm-dto-fixture";
import { trendChartsFor } from "./trend-charts";
import { detectSettingChanges, toTrendEvents } from "./trend-events";

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;
const series = (values: readonly (number | null)[], stepMs = MIN) => values.map((v, i) => ({ t: T0 + i * stepMs, v }));

describe("settings changes from the observations", () => {
  it("marks a sweep and an FdO2 change at the first reading of the new value, with both values", () => {
    const changes = detectSettingChanges({
      ecmo_sweep: series([3, 3, 3, 3.5, 3.5]),
      ecmo_fdo2: series([60, 60, 60, 60, 50]),
    });
    expect(changes).toEqual([
      { kind: "setting", at: T0 + 3 * MIN, parameter: "ecmo_sweep", from: 3, to: 3.5 },
      { kind: "setting", at: T0 + 4 * MIN, parameter: "ecmo_fdo2", from: 60, to: 50 },
    ]);
  });

  it("ignores pump-speed noise but marks a speed step, then follows the new level", () => {
    const rpm = series([3300, 3304, 3296, 3301, 3100, 3097, 3103, 3100, 3300]);
    expect(detectSettingChanges({ ecmo_rpm: rpm }).map((c) => [c.at, c.from, c.to])).toEqual([
      [T0 + 4 * MIN, 3300, 3100],
      [T0 + 8 * MIN, 3100, 3300],
    ]);
  });

  it("marks a change made while the feed was cut at the first reading after the gap, and draws nothing for a gap alone", () => {
    expect(detectSettingChanges({ iabp_ratio: series([1, 1, null, null, 2, 2]) })).toEqual([
      { kind: "setting", at: T0 + 4 * MIN, parameter: "iabp_ratio", from: 1, to: 2 },
    ]);
    expect(detectSettingChanges({ iabp_ratio: series([1, null, 1, null, 1]) })).toEqual([]);
  });

  it("takes the window's first value as the level: a window starting after a change shows none", () => {
    expect(detectSettingChanges({ ecmo_sweep: series([4, 4, 4]) })).toEqual([]);
    expect(detectSettingChanges({})).toEqual([]);
  });

  it("keeps a change between the min and the max of one downsampled column", () => {
    // One pixel column holding the old level (its min, earlier) and the new one (its max, later).
    const downsampled = [
      { t: T0, v: 1 },
      { t: T0 + 30_000, v: 1 },
      { t: T0 + 45_000, v: 2 },
      { t: T0 + 90_000, v: 2 },
    ];
    expect(detectSettingChanges({ iabp_ratio: downsampled }).map((c) => c.at)).toEqual([T0 + 45_000]);
  });
});

describe("trend markers", () => {
  it("gathers changes of one instant in one marker, worded as the panels print values", () => {
    const events = detectSettingChanges({
      ecmo_sweep: series([3, 3.5]),
      ecmo_fdo2: series([60, 50]),
      iabp_ratio: series([1, 1, 2]),
    });
    const markers = prepareTrendMarkers(events, { from: T0, to: T0 + 4 * MIN, locale: "en" });
    expect(markers).toHaveLength(2);
    expect(markers[0]).toMatchObject({ at: T0 + MIN, x: 0.25, kind: "setting" });
    expect(markers[0]?.items).toEqual([
      { kind: "value", label: "FdO2", from: "60", to: "50" },
      { kind: "value", label: "Sweep", from: "3.0", to: "3.5" },
    ]);
    expect(markers[1]?.items).toEqual([{ kind: "value", label: "Ratio", from: "1:1", to: "1:2" }]);
  });

  it("keeps only the window's events and words a stopped or resumed balloon", () => {
    const events = detectSettingChanges({ iabp_pumping: series([1, 0, 0, 1]) });
    expect(prepareTrendMarkers(events, { from: T0, to: T0 + 2 * MIN, locale: "fr" }).map((m) => m.items)).toEqual([
      [{ kind: "pumpingStopped" }],
    ]);
    expect(
      prepareTrendMarkers(events, { from: T0 + 2 * MIN, to: T0 + 3 * MIN, locale: "fr" }).map((m) => m.items),
    ).toEqual([[{ kind: "pumpingResumed" }]]);
  });

  it("prints French decimals in French", () => {
    const [marker] = prepareTrendMarkers(detectSettingChanges({ ecmo_sweep: series([3, 3.5]) }), {
      from: T0,
      to: T0 + MIN,
      locale: "fr",
    });
    expect(marker?.items[0]).toMatchObject({ from: "3,0", to: "3,5" });
  });
});

describe("alarm and round markers", () => {
  const rounds = [
    { signedAt: T0 + 2 * MIN, signedBy: "Nurse A", abnormalCount: 0 },
    { signedAt: T0 + 3 * MIN, signedBy: "Nurse B", abnormalCount: 2 },
  ];

  it("marks each alarm at its raise, coloured by its priority, and says whether it ended or was ACKNOWLEDGED", () => {
    const alarms = [
      alarmDto({ id: "a1", raisedAt: T0 + MIN, priority: "high" }),
      alarmDto({
        id: "a2",
        raisedAt: T0 + 2 * MIN,
        priority: "low",
        status: "acknowledged",
        acknowledgedAt: T0 + 3 * MIN,
      }),
      alarmDto({
        id: "a3",
        raisedAt: T0 + 3 * MIN,
        priority: "medium",
        status: "resolved",
        clearedAt: T0 + 4 * MIN,
        resolvedAt: T0 + 4 * MIN,
      }),
    ];
    const markers = prepareTrendMarkers(toTrendEvents({ alarms, rounds: [] }), {
      from: T0,
      to: T0 + 4 * MIN,
      locale: "en",
    });
    expect(markers.map((m) => [m.kind, m.tone, m.at])).toEqual([
      ["alarm", "high", T0 + MIN],
      ["alarm", "low", T0 + 2 * MIN],
      ["alarm", "medium", T0 + 3 * MIN],
    ]);
    expect(markers.map((m) => (m.items[0]?.kind === "alarm" ? m.items[0].state : null))).toEqual([
      "active",
      "acknowledged",
      "ended",
    ]);
  });

  it("tells an abnormal round from a normal one and keeps who signed", () => {
    const markers = prepareTrendMarkers(toTrendEvents({ alarms: [], rounds }), {
      from: T0,
      to: T0 + 4 * MIN,
      locale: "fr",
    });
    expect(markers.map((m) => [m.kind, m.tone])).toEqual([
      ["round", "normal"],
      ["round", "abnormal"],
    ]);
    expect(markers[1]?.items).toEqual([{ kind: "round", signedBy: "Nurse B", abnormalCount: 2 }]);
  });

  it("keeps alarms of different priorities at one instant apart, the most urgent last (drawn on top), and drops those outside the window", () => {
    const alarms = [
      alarmDto({ id: "a1", raisedAt: T0 + MIN, priority: "high" }),
      alarmDto({ id: "a2", raisedAt: T0 + MIN, priority: "low" }),
      alarmDto({ id: "a3", raisedAt: T0 + MIN, priority: "low" }),
      alarmDto({ id: "a4", raisedAt: T0 + 10 * MIN, priority: "high" }),
    ];
    const events = [...detectSettingChanges({ ecmo_sweep: series([3, 3.5]) }), ...toTrendEvents({ alarms, rounds })];
    const markers = prepareTrendMarkers(events, { from: T0, to: T0 + 4 * MIN, locale: "en" });
    expect(markers.map((m) => [m.at - T0, m.kind, m.tone, m.items.length])).toEqual([
      [MIN, "setting", null, 1],
      [MIN, "alarm", "low", 2],
      [MIN, "alarm", "high", 1],
      [2 * MIN, "round", "normal", 1],
      [3 * MIN, "round", "abnormal", 1],
    ]);
  });
});

describe("which chart an event is marked on", () => {
  const charts = trendChartsFor("VA_ECMO_IABP");
  const chartsMarking = (events: Parameters<typeof prepareTrendMarkers>[0]) =>
    charts
      .filter(
        (spec) =>
          prepareTrendMarkers(events, {
            from: T0,
            to: T0 + 10 * MIN,
            locale: "en",
            chart: { spec, deviceType: "VA_ECMO_IABP" },
          }).length > 0,
      )
      .map((spec) => spec.id);
  const alarm = (ruleId: string, parameter: string | null) =>
    toTrendEvents({ alarms: [alarmDto({ id: ruleId, raisedAt: T0 + MIN, ruleId, parameter })], rounds: [] });

  it("marks an alarm on the charts of the parameters its rule judges only", () => {
    expect(chartsMarking(alarm("lactate-high", "lactate"))).toEqual(["lactate"]);
    expect(chartsMarking(alarm("ecmo-flow-falling", "ecmo_flow"))).toEqual(["ecmo_flow", "ecmo_rpm"]);
    expect(chartsMarking(alarm("nirs-difference", "nirs_left"))).toEqual(["limb"]);
    expect(chartsMarking(alarm("helium-low", "helium_level"))).toEqual(["iabp_helium"]);
  });

  it("marks a stale feed on every device chart and a round finding on none (its round marks it)", () => {
    expect(chartsMarking(alarm("device-feed-stale", null))).toEqual(
      charts.filter((c) => c.source === "series").map((c) => c.id),
    );
    expect(chartsMarking(alarm("round-abnormal-finding", null))).toEqual([]);
  });

  it("marks settings changes and rounds on the device charts, not on the lab charts", () => {
    const events = [
      ...detectSettingChanges({ ecmo_sweep: series([3, 3.5]) }),
      ...toTrendEvents({ alarms: [], rounds: [{ signedAt: T0 + 2 * MIN, signedBy: "N", abnormalCount: 0 }] }),
    ];
    expect(chartsMarking(events)).toEqual(charts.filter((c) => c.source === "series").map((c) => c.id));
  });
});
