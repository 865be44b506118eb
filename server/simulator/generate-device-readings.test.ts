import { describe, expect, it } from "vitest";
import { createEpisodeSimulation } from "./create-episode-simulation";
import { generateDeviceReadings } from "./generate-device-readings";
import { runTicks, TEST_START, testEpisode, valuesOf } from "@/test/support/simulate-episode";

// 42 minutes of ticks across a full hour, so the hourly charting is in the series too.
const from = new Date(TEST_START.getTime() + 19.5 * 3_600_000);
const series = (seed: number | string, scenario: Parameters<typeof testEpisode>[0] = "stable_va_ecmo") =>
  runTicks({ simulation: createEpisodeSimulation({ seed, episode: testEpisode(scenario) }), from, ticks: 500 });

describe("generateDeviceReadings", () => {
  it("gives the same 500-tick series for the same seed", () => {
    const a = series(42);
    expect(a.length).toBeGreaterThan(500 * 13);
    expect(series(42)).toEqual(a);
  });

  it("gives a different series for a different seed", () => {
    const values = (seed: number) => series(seed).map((r) => r.value);
    expect(values(43)).not.toEqual(values(42));
  });

  it("keeps ΔP equal to P1 − P2 at every tick", () => {
    for (const scenario of ["stable_va_ecmo", "oxygenator_thrombosis", "rising_lactate"] as const) {
      const readings = series(1, scenario);
      const at = (p: string) => new Map(valuesOf(readings, p).map((r) => [r.observedAt.getTime(), r.value]));
      const [p1, p2, dp] = [at("ecmo_p1"), at("ecmo_p2"), at("ecmo_dp")];
      expect(dp.size).toBe(500);
      for (const [t, value] of dp) expect(value).toBe((p1.get(t) ?? NaN) - (p2.get(t) ?? NaN));
    }
  });

  it("wanders smoothly from one 5-second tick to the next rather than jittering", () => {
    const map = valuesOf(series(5), "map").map((r) => r.value);
    const steps = map.slice(1).map((v, i) => Math.abs(v - (map[i] ?? v)));
    expect(Math.max(...steps)).toBeLessThanOrEqual(2);
    // Over 500 ticks (42 min) the level still moves: smooth is not constant.
    expect(Math.max(...map) - Math.min(...map)).toBeGreaterThanOrEqual(3);
  });

  it("stamps device readings at the tick time with a deterministic sourceRef", () => {
    const simulation = createEpisodeSimulation({ seed: 1, episode: testEpisode("stable_iabp") });
    const at = new Date(TEST_START.getTime() + 3_600_000);
    const readings = generateDeviceReadings({ simulation, at });
    expect(readings.map((r) => r.parameter).sort()).toEqual(
      [
        "hr",
        "map",
        "nirs_left",
        "nirs_right",
        "helium_level",
        "iabp_ratio",
        "iabp_pumping",
        "iabp_sys",
        "iabp_aug",
        "iabp_baedp",
      ].sort(),
    );
    for (const r of readings) {
      expect(r.observedAt).toEqual(at);
      expect(r).toMatchObject({ source: "simulator", sourceRef: `sim:ep-stable_iabp:${r.parameter}:${at.getTime()}` });
    }
  });

  it("sends nothing before the episode starts or after it ends", () => {
    const episode = testEpisode("stable_va_ecmo", { endedAt: new Date(TEST_START.getTime() + 3_600_000) });
    const simulation = createEpisodeSimulation({ seed: 1, episode });
    expect(generateDeviceReadings({ simulation, at: new Date(TEST_START.getTime() - 1) })).toEqual([]);
    expect(generateDeviceReadings({ simulation, at: new Date(TEST_START.getTime() + 3_600_001) })).toEqual([]);
  });
});
