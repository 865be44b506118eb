import { describe, expect, it } from "vitest";
import { createEpisodeSimulation } from "../create-episode-simulation";
import { HOUR } from "../scenarios/curves";
import { HEPARIN_DECREASE_AT, HEPARIN_INCREASE_AT } from "../scenarios/anti-xa-drift";
import { testEpisode } from "@/test/support/simulate-episode";
import { ADMISSION_MS, listScheduledSamples } from "./list-scheduled-samples";
import { measureLab } from "./measure-lab";

const simulationOf = (...args: Parameters<typeof testEpisode>) =>
  createEpisodeSimulation({ seed: 3, episode: testEpisode(...args) });
const timesOf = (samples: ReturnType<typeof listScheduledSamples>, parameter: string) =>
  samples.filter((s) => s.parameter === parameter).map((s) => s.scenarioMs);

describe("listScheduledSamples", () => {
  it("draws lactate every 4 h, or every 2 h after a result ≥ 2 mmol/L", () => {
    const simulation = simulationOf("rising_lactate");
    const times = timesOf(listScheduledSamples({ simulation, fromMs: -1, toMs: 72 * HOUR }), "lactate");
    expect(times[0]).toBe(ADMISSION_MS);
    times.slice(1).forEach((t, i) => {
      const previous = times[i] ?? 0;
      const high = measureLab({ simulation, parameter: "lactate", scenarioMs: previous }) >= 2;
      expect(t - previous).toBe(high ? 2 * HOUR : 4 * HOUR);
    });
  });

  it("draws anti-Xa 6 h after heparin starts and after each dose change, and at least every 12 h", () => {
    const times = timesOf(
      listScheduledSamples({ simulation: simulationOf("anti_xa_drift"), fromMs: -1, toMs: 96 * HOUR }),
      "anti_xa",
    );
    expect(times).toContain(6 * HOUR);
    expect(times).toContain(HEPARIN_INCREASE_AT + 6 * HOUR);
    expect(times).toContain(HEPARIN_DECREASE_AT + 6 * HOUR);
    times.slice(1).forEach((t, i) => expect(t - (times[i] ?? 0)).toBeLessThanOrEqual(12 * HOUR));
  });

  it.each([
    ["in winter", undefined],
    ["across the spring daylight-saving change", new Date("2027-03-25T08:10:00Z")],
  ])(
    "draws the daily bloods at about 05:00 Paris time %s, and charts urine hourly on the full hour",
    (_, startedAt) => {
      const simulation = simulationOf("stable_va_ecmo", startedAt ? { startedAt } : {});
      const start = simulation.episode.startedAt.getTime();
      const samples = listScheduledSamples({ simulation, fromMs: -1, toMs: 5 * 24 * HOUR });
      const daily = timesOf(samples, "platelets").slice(1);
      expect(daily).toHaveLength(5);
      const paris = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
      for (const t of daily) expect(paris.format(start + t)).toMatch(/^05:[0-4]\d$/);
      const urine = timesOf(samples, "urine_output");
      expect(urine.every((t) => (start + t) % HOUR === 0)).toBe(true);
      expect(urine).toHaveLength(5 * 24 - 1);
    },
  );

  it("gives the same samples whether a span is listed at once or tick by tick", () => {
    const simulation = simulationOf("iabp_weaning");
    const whole = listScheduledSamples({ simulation, fromMs: 10 * HOUR, toMs: 40 * HOUR });
    const pieces = Array.from({ length: 30 }, (_, i) =>
      listScheduledSamples({ simulation, fromMs: (10 + i) * HOUR, toMs: (11 + i) * HOUR }),
    ).flat();
    expect(pieces).toEqual(whole);
  });

  it("leaves out what the device type does not measure (no DPC flow or LDH on an IABP)", () => {
    const samples = listScheduledSamples({ simulation: simulationOf("stable_iabp"), fromMs: -1, toMs: 48 * HOUR });
    expect(samples.some((s) => s.parameter === "dpc_flow" || s.parameter === "ldh")).toBe(false);
  });
});
