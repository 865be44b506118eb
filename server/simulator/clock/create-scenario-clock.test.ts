import { describe, expect, it } from "vitest";
import { createEpisodeSimulation } from "../create-episode-simulation";
import { generateScheduledReadings } from "../generate-scheduled-readings";
import { HOUR } from "../scenarios/curves";
import { runTicks, TEST_START, testEpisode, valuesOf } from "@/test/support/simulate-episode";
import { createScenarioClock } from "./create-scenario-clock";

const start = TEST_START.getTime();
const serverStart = start + 30 * HOUR;

describe("createScenarioClock", () => {
  it("runs at real pace before the server starts and `speed` times faster after", () => {
    const clock = createScenarioClock({ startedAt: start, serverStartedAt: serverStart, speed: 60 });
    expect(clock.toScenario(start + 10 * HOUR)).toBe(10 * HOUR);
    expect(clock.toScenario(serverStart + 60_000)).toBe(30 * HOUR + HOUR);
    expect(clock.toReal(31 * HOUR)).toBe(serverStart + 60_000);
    expect(clock.toReal(clock.toScenario(serverStart + 12_345))).toBeCloseTo(serverStart + 12_345, 6);
  });

  it("accelerates an episode that starts after the server from its own start", () => {
    const clock = createScenarioClock({ startedAt: serverStart + HOUR, serverStartedAt: serverStart, speed: 10 });
    expect(clock.toScenario(serverStart + 2 * HOUR)).toBe(10 * HOUR);
  });

  it("refuses a speed that is not positive", () => {
    expect(() => createScenarioClock({ startedAt: start, serverStartedAt: start, speed: 0 })).toThrow();
  });
});

describe("time acceleration", () => {
  const simulationAt = (speed: number) =>
    createEpisodeSimulation({
      seed: 1,
      episode: testEpisode("stable_va_ecmo"),
      speed,
      serverStartedAt: new Date(serverStart),
    });

  it("keeps device readings at the real 5-second cadence while labs and charting come `speed` times as often", () => {
    const readings = runTicks({ simulation: simulationAt(60), from: new Date(serverStart), ticks: 720 });
    const map = valuesOf(readings, "map");
    expect(map).toHaveLength(720);
    expect((map[1]?.observedAt.getTime() ?? 0) - (map[0]?.observedAt.getTime() ?? 0)).toBe(5_000);
    // One real hour at ×60 is 60 scenario hours: about 60 hourly urine charts and 15 lactates (every 4 h).
    expect(valuesOf(readings, "urine_output").length).toBeGreaterThanOrEqual(59);
    expect(valuesOf(readings, "lactate").length).toBeGreaterThanOrEqual(14);
    expect(readings.every((r) => r.observedAt.getTime() <= serverStart + HOUR)).toBe(true);
  });

  it("never stamps a scheduled reading later than the end of its window, even at a fractional speed", () => {
    const simulation = simulationAt(7.3);
    for (let i = 0; i < 200; i += 1) {
      const after = new Date(serverStart + i * 5_000);
      const until = new Date(after.getTime() + 5_000);
      for (const r of generateScheduledReadings({ simulation, after, until })) {
        expect(r.observedAt.getTime()).toBeGreaterThan(after.getTime());
        expect(r.observedAt.getTime()).toBeLessThanOrEqual(until.getTime());
      }
    }
  });
});
