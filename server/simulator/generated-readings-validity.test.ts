import { describe, expect, it } from "vitest";
import { DEVICE_TYPES, getParameter } from "@/lib/catalogue";
import { validateReading } from "@/lib/observations/validate-reading";
import { SCENARIO_NAMES } from "@/lib/simulator/scenarios";
import { simulateDays, testEpisode } from "@/test/support/simulate-episode";

describe("every generated reading", () => {
  const cases = SCENARIO_NAMES.flatMap((scenario) => DEVICE_TYPES.map((deviceType) => [scenario, deviceType] as const));

  it.each(cases)(
    "of %s on %s passes the write path's validation in the catalogue's own unit",
    (scenario, deviceType) => {
      const episode = testEpisode(scenario, { deviceType, cannulationSite: "femoral left" });
      const context = { ...episode, stayId: "stay", unitId: "unit" };
      const readings = simulateDays(scenario, 8, { deviceType, cannulationSite: "femoral left" });
      expect(readings.length).toBeGreaterThan(1000);
      for (const reading of readings) {
        const result = validateReading(reading, context, reading.observedAt);
        if (!result.ok) throw new Error(`${reading.parameter} ${reading.value}: ${result.rejection.message}`);
        const parameter = getParameter(result.reading.parameter);
        expect(reading.unit).toBe(parameter.unit);
        expect(reading.value).toBe(Number(reading.value.toFixed(parameter.decimals)));
      }
    },
  );
});
