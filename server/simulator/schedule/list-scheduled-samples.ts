import { CLINICAL_LIMITS, type TParameterCode } from "@/lib/catalogue";
import { localDayOf, nextLocalDay, zonedTimeToEpoch, type TLocalDay } from "@/lib/time/zoned-time";
import type { TEpisodeSimulation } from "../create-episode-simulation";
import { HOUR, MINUTE } from "../scenarios/curves";
import { measureLab } from "./measure-lab";

export type TSampleKind = "lab" | "hourly";

export interface TScheduledSample {
  readonly parameter: TParameterCode;
  /** Scenario time of the sample (specimen drawn, or end of the charted hour). */
  readonly scenarioMs: number;
  readonly kind: TSampleKind;
}

/** Bloods drawn at cannulation, once the patient is settled on the device. */
export const ADMISSION_MS = 20 * MINUTE;
const DAILY_LABS: readonly TParameterCode[] = ["platelets", "hemoglobin", "fibrinogen", "ldh", "free_hb"];
const HOURLY: readonly TParameterCode[] = ["urine_output", "dpc_flow"];

/**
 * The samples that fall in the scenario window (fromMs, toMs], all in scenario time (docs/clinical-reference.md §2,
 * §3):
 * - lactate at admission, then every 4 h, or every 2 h while the last result was raised (≥ 2 mmol/L by default);
 * - anti-Xa 6 h after heparin starts (at 0) and 6 h after each dose change, otherwise every 12 h (the catalogue's
 *   anti-Xa limits: drawn on time, never overdue);
 * - platelets, haemoglobin, fibrinogen, LDH and free Hb at admission, then daily with the morning round of bloods
 *   at 05:00 local time plus up to about 45 min (a nurse's round is not a clock), skipped if within 6 h of admission;
 * - urine output and DPC flow charted at each full wall-clock hour from the first full hour on the device.
 * Pure: each series is walked from the episode start, so any window gives the same samples as any other.
 */
export function listScheduledSamples({
  simulation,
  fromMs,
  toMs,
}: {
  simulation: TEpisodeSimulation;
  fromMs: number;
  toMs: number;
}): TScheduledSample[] {
  const samples: TScheduledSample[] = [];
  const has = (p: TParameterCode) => simulation.parameters.has(p);
  const add = (parameter: TParameterCode, scenarioMs: number, kind: TSampleKind) => {
    if (scenarioMs > fromMs && scenarioMs <= toMs && has(parameter)) samples.push({ parameter, scenarioMs, kind });
  };
  if (toMs <= fromMs) return samples;

  for (let t = ADMISSION_MS; t <= toMs;) {
    add("lactate", t, "lab");
    t +=
      measureLab({ simulation, parameter: "lactate", scenarioMs: t }) >= CLINICAL_LIMITS.lactateRaised.value
        ? 2 * HOUR
        : 4 * HOUR;
  }

  const { antiXaAfterDoseChange, antiXaMaxAge } = CLINICAL_LIMITS;
  const controls = [0, ...simulation.scenario.heparinChangesAt]
    .map((c) => c + antiXaAfterDoseChange.value)
    .sort((a, b) => a - b);
  let next = 1;
  for (let t = controls[0] ?? antiXaAfterDoseChange.value; t <= toMs;) {
    add("anti_xa", t, "lab");
    while (next < controls.length && (controls[next] ?? Infinity) <= t) next += 1;
    const control = controls[next];
    if (control !== undefined && control <= t + antiXaMaxAge.value) {
      t = control;
      next += 1;
    } else t += antiXaMaxAge.value;
  }

  for (const parameter of DAILY_LABS) add(parameter, ADMISSION_MS, "lab");
  for (const at of dailyRounds(simulation, fromMs, toMs)) {
    if (at >= ADMISSION_MS + 6 * HOUR) for (const parameter of DAILY_LABS) add(parameter, at, "lab");
  }

  const start = simulation.episode.startedAt.getTime();
  const firstHour = Math.max(Math.floor((start + fromMs) / HOUR) + 1, Math.ceil((start + HOUR) / HOUR));
  for (let wall = firstHour * HOUR; wall - start <= toMs; wall += HOUR) {
    for (const parameter of HOURLY) add(parameter, wall - start, "hourly");
  }

  return samples.sort((a, b) => a.scenarioMs - b.scenarioMs);
}

/** Scenario times of the morning bloods between two scenario times, on the scenario's wall clock. */
function dailyRounds(simulation: TEpisodeSimulation, fromMs: number, toMs: number): number[] {
  const { startedAt, timeZone } = simulation.episode;
  const start = startedAt.getTime();
  const key = (d: TLocalDay) => d.year * 10_000 + d.month * 100 + d.day;
  const last = key(localDayOf(start + toMs, timeZone));
  const rounds: number[] = [];
  for (let day = localDayOf(start + Math.max(0, fromMs), timeZone); key(day) <= last; day = nextLocalDay(day)) {
    const minute = Math.min(45, Math.round(Math.abs(simulation.noise.draw("daily-round", key(day))) * 15));
    rounds.push(zonedTimeToEpoch(day, 5, minute, timeZone) - start);
  }
  return rounds;
}
