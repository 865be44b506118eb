import type { TReadingInput } from "@/lib/observations/reading";
import type { TEpisodeSimulation } from "./create-episode-simulation";
import { generateDeviceReadings } from "./generate-device-readings";
import { generateScheduledReadings } from "./generate-scheduled-readings";

export interface BackfillEpisodeOptions {
  simulation: TEpisodeSimulation;
  now: Date;
  /** How far back device values and hourly charting reach (default 24 h). */
  windowMs?: number;
  /** Device values every this many ms (default 2 min): a day of history stays a few thousand rows per parameter. */
  stepMs?: number;
}

/**
 * The history an episode would have if the station had been running: device values over the last `windowMs` at a
 * coarse step aligned on the epoch (so a rerun regenerates the same times), hourly charting over the same window,
 * and every lab since the episode started, because the rules that read labs look further back than a day (the
 * post-heparin platelet peak of the HIT screen, lactate clearance). Nothing before the start, nothing after `now`.
 * Sorted by time, so sequence numbers follow observation times. Pure.
 */
export function backfillEpisode({
  simulation,
  now,
  windowMs = 24 * 3_600_000,
  stepMs = 120_000,
}: BackfillEpisodeOptions): TReadingInput[] {
  const { startedAt, endedAt } = simulation.episode;
  const untilMs = Math.min(now.getTime(), endedAt?.getTime() ?? Infinity);
  const fromMs = Math.max(startedAt.getTime(), now.getTime() - windowMs);
  if (untilMs < fromMs) return [];

  const readings: TReadingInput[] = [];
  for (let at = Math.ceil(fromMs / stepMs) * stepMs; at <= untilMs; at += stepMs) {
    readings.push(...generateDeviceReadings({ simulation, at: new Date(at) }));
  }
  const until = new Date(untilMs);
  readings.push(
    ...generateScheduledReadings({ simulation, after: new Date(fromMs - 1), until, kinds: ["hourly"] }),
    ...generateScheduledReadings({ simulation, after: new Date(startedAt.getTime() - 1), until, kinds: ["lab"] }),
  );
  return readings.sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
}
