import { describe, expect, it } from "vitest";
import { backfillEpisode } from "./backfill-episode";
import { createEpisodeSimulation } from "./create-episode-simulation";
import { HOUR } from "./scenarios/curves";
import { TEST_START, testEpisode, valuesOf } from "@/test/support/simulate-episode";

const now = new Date(TEST_START.getTime() + 126 * HOUR + 1_234);
const simulation = createEpisodeSimulation({ seed: 9, episode: testEpisode("hit_platelets") });

describe("backfillEpisode", () => {
  const readings = backfillEpisode({ simulation, now });

  it("produces no reading in the future and none before the episode start, in time order", () => {
    expect(readings.length).toBeGreaterThan(7_000);
    const times = readings.map((r) => r.observedAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(TEST_START.getTime());
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? t))).toBe(true);
  });

  it("fills the last 24 h of device values every 2 min, and every lab since the start", () => {
    const map = valuesOf(readings, "map");
    expect(map).toHaveLength(24 * 30);
    expect(map.every((r) => r.observedAt.getTime() % 120_000 === 0)).toBe(true);
    // The HIT screen needs the post-heparin peak of day 4, older than the device window.
    expect(valuesOf(readings, "platelets").length).toBeGreaterThanOrEqual(6);
    expect(valuesOf(readings, "lactate")[0]?.observedAt.getTime()).toBe(TEST_START.getTime() + 20 * 60_000);
  });

  it("starts at the episode start when the episode is younger than the window", () => {
    const young = createEpisodeSimulation({ seed: 9, episode: testEpisode("limb_ischaemia") });
    const early = backfillEpisode({ simulation: young, now: new Date(TEST_START.getTime() + 3 * HOUR) });
    expect(Math.min(...early.map((r) => r.observedAt.getTime()))).toBeGreaterThanOrEqual(TEST_START.getTime());
    // 08:10 to 11:10 inclusive, every 2 min.
    expect(valuesOf(early, "map")).toHaveLength(91);
  });

  it("regenerates the same readings and sourceRefs when run again", () => {
    expect(
      backfillEpisode({ simulation: createEpisodeSimulation({ seed: 9, episode: testEpisode("hit_platelets") }), now }),
    ).toEqual(readings);
    expect(new Set(readings.map((r) => r.sourceRef)).size).toBe(readings.length);
  });
});
