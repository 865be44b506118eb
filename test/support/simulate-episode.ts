import { SCENARIO_DEVICE_TYPE, type TScenarioName } from "@/lib/simulator/scenarios";
import type { TSimulatedEpisode } from "@/lib/simulator/simulated-episode";
import type { TReadingInput } from "@/lib/observations/reading";
import { createEpisodeSimulation, type TEpisodeSimulation } from "@/server/simulator/create-episode-simulation";
import { generateDeviceReadings } from "@/server/simulator/generate-device-readings";
import { generateScheduledReadings } from "@/server/simulator/generate-scheduled-readings";

/** A Monday in winter (Paris is UTC+1), away from daylight-saving changes. */
export const TEST_START = new Date("2026-11-16T08:10:00Z");

export function testEpisode(scenario: TScenarioName, overrides: Partial<TSimulatedEpisode> = {}): TSimulatedEpisode {
  return {
    id: `ep-${scenario}`,
    bedId: `bed-${scenario}`,
    deviceType: SCENARIO_DEVICE_TYPE[scenario],
    scenario,
    startedAt: TEST_START,
    endedAt: null,
    cannulationSite: "femoral right",
    settings: {},
    timeZone: "Europe/Paris",
    ...overrides,
  };
}

/** What a live feed would send: at each tick, the labs and charting due since the last tick, then device values. */
export function runTicks({
  simulation,
  from,
  ticks,
  tickMs = 5_000,
}: {
  simulation: TEpisodeSimulation;
  from: Date;
  ticks: number;
  tickMs?: number;
}): TReadingInput[] {
  const readings: TReadingInput[] = [];
  let previous = from.getTime();
  for (let i = 1; i <= ticks; i += 1) {
    const at = new Date(from.getTime() + i * tickMs);
    readings.push(...generateScheduledReadings({ simulation, after: new Date(previous), until: at }));
    readings.push(...generateDeviceReadings({ simulation, at }));
    previous = at.getTime();
  }
  return readings;
}

/** One scenario's readings over its first days at a coarse step: enough to see every signature. */
export function simulateDays(
  scenario: TScenarioName,
  days: number,
  overrides: Partial<TSimulatedEpisode> = {},
  seed = 7,
) {
  const simulation = createEpisodeSimulation({ seed, episode: testEpisode(scenario, overrides) });
  return runTicks({ simulation, from: TEST_START, ticks: (days * 24 * 60) / 10, tickMs: 10 * 60_000 });
}

export const valuesOf = (readings: readonly TReadingInput[], parameter: string) =>
  readings.filter((r) => r.parameter === parameter);
