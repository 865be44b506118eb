import type { TReadingInput } from "@/lib/observations/reading";
import type { TEpisodeSimulation } from "./create-episode-simulation";
import { measureLab, type TLabCode } from "./schedule/measure-lab";
import { listScheduledSamples, type TSampleKind } from "./schedule/list-scheduled-samples";
import { toReading } from "./to-reading";

const HOUR = 3_600_000;

export interface GenerateScheduledReadingsOptions {
  simulation: TEpisodeSimulation;
  /** Real time, exclusive: the end of the previous window. */
  after: Date;
  /** Real time, inclusive; never later than the caller's clock, so no reading lands in the future. */
  until: Date;
  /** Which schedules to include (default both). */
  kinds?: readonly TSampleKind[];
}

/**
 * The labs and hourly charting whose time falls in a real-time window. Pure. Samples are scheduled in scenario time
 * and stamped with the matching real time, so at speed > 1 they come that much more often.
 */
export function generateScheduledReadings({
  simulation,
  after,
  until,
  kinds = ["lab", "hourly"],
}: GenerateScheduledReadingsOptions): TReadingInput[] {
  const { episode, clock, scenario, context, noise } = simulation;
  const afterMs = Math.max(after.getTime(), episode.startedAt.getTime() - 1);
  const untilMs = Math.min(until.getTime(), episode.endedAt?.getTime() ?? Infinity);
  if (untilMs <= afterMs) return [];

  const samples = listScheduledSamples({
    simulation,
    fromMs: clock.toScenario(afterMs),
    toMs: clock.toScenario(untilMs),
  });
  const readings: TReadingInput[] = [];
  for (const { parameter, scenarioMs, kind } of samples) {
    if (!kinds.includes(kind)) continue;
    // Rounded up into the window: a fractional real time (speed not a whole number) must not fall before `after`.
    const atMs = Math.min(untilMs, Math.max(afterMs + 1, Math.ceil(clock.toReal(scenarioMs))));
    let value: number;
    if (kind === "lab") {
      value = measureLab({ simulation, parameter: parameter as TLabCode, scenarioMs });
    } else {
      const p = scenario.physiologyAt(scenarioMs, context);
      value =
        parameter === "urine_output"
          ? // An hour's volume varies more than a monitor's signal: ±15 % from one bag reading to the next.
            p.urineOutput * (1 + 0.15 * noise.draw("urine", Math.round(scenarioMs / HOUR)))
          : p.dpcFlow + noise.smooth("dpc", atMs, [[HOUR, 10]]);
    }
    readings.push(toReading({ episodeId: episode.id, parameter, value, atMs }));
  }
  return readings;
}
