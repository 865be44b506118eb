import type { TParameterCode } from "@/lib/catalogue";
import type { TReadingInput } from "@/lib/observations/reading";
import type { TEpisodeSimulation } from "./create-episode-simulation";
import type { TOctave } from "./noise/create-noise";
import { toReading } from "./to-reading";

const S = 1_000;
const M = 60 * S;
/** Three layers: a minute (breath-to-breath drift), a quarter hour, three hours (slow physiological wander). */
const layers = (fast: number, mid: number, slow: number): readonly TOctave[] => [
  [M, fast],
  [15 * M, mid],
  [180 * M, slow],
];

/** Standard deviations per layer, in the parameter's unit; settings (sweep, FdO2, ratio) and helium carry none. */
const NOISE = {
  arterial: layers(1.2, 2, 2.5),
  map: layers(0.5, 0, 0),
  hr: layers(1.5, 2.5, 3),
  spo2: layers(0.4, 0.6, 0.6),
  flow: layers(0.03, 0.05, 0.06),
  rpm: layers(4, 0, 0),
  p2: layers(1.5, 2, 3),
  dpPerFlow: layers(0.08, 0.1, 0.15),
  pven: layers(1.5, 2, 3),
  nirs: layers(0.6, 1, 1.5),
  iabp: layers(0.8, 1, 0),
} as const;

/** Resistance of the return cannula and the patient's arterial side, mmHg per L/min. */
const RETURN_RESISTANCE = 45;

/**
 * The device values of one episode at one real instant (the tick): ECMO console, IABP console and bedside monitor,
 * as the episode's device type has them. Pure. Noise follows real time, so 5-second ticks wander smoothly; the
 * trend follows scenario time. Circuit pressures are derived from the noisy flow so that they move together, and
 * ΔP is computed from the rounded P1 and P2 so that ecmo_dp === ecmo_p1 − ecmo_p2 always holds.
 */
export function generateDeviceReadings({
  simulation,
  at,
}: {
  simulation: TEpisodeSimulation;
  at: Date;
}): TReadingInput[] {
  const { episode, scenario, context, clock, noise, parameters, cannulatedSide } = simulation;
  const atMs = at.getTime();
  if (atMs < episode.startedAt.getTime() || (episode.endedAt && atMs > episode.endedAt.getTime())) return [];
  const p = scenario.physiologyAt(clock.toScenario(atMs), context);
  const n = (channel: string, octaves: readonly TOctave[]) => noise.smooth(channel, atMs, octaves);

  const values = new Map<TParameterCode, number>();
  const arterial = n("arterial", NOISE.arterial);
  values.set("map", p.map + arterial + n("map", NOISE.map));
  values.set("hr", p.hr + n("hr", NOISE.hr));
  values.set("spo2_right", Math.min(100, p.spo2Right + n("spo2", NOISE.spo2)));
  const nirsCannulated = p.nirsCannulated + n("nirs_cannulated", NOISE.nirs);
  const nirsOther = p.nirsOther + n("nirs_other", NOISE.nirs);
  values.set("nirs_left", cannulatedSide === "left" ? nirsCannulated : nirsOther);
  values.set("nirs_right", cannulatedSide === "right" ? nirsCannulated : nirsOther);

  if (parameters.has("ecmo_flow")) {
    const flow = Math.max(0, p.ecmoFlow + n("flow", NOISE.flow));
    const p2 = Math.round(RETURN_RESISTANCE * flow + 0.5 * (p.map - 70) + n("p2", NOISE.p2));
    const p1 = Math.round(p2 + (p.ecmoDpPerFlow + n("dp_per_flow", NOISE.dpPerFlow)) * flow);
    values.set("ecmo_flow", flow);
    values.set("ecmo_rpm", p.ecmoRpm + n("rpm", NOISE.rpm));
    values.set("ecmo_sweep", p.ecmoSweep);
    values.set("ecmo_fdo2", p.ecmoFdo2);
    values.set("ecmo_p1", p1);
    values.set("ecmo_p2", p2);
    values.set("ecmo_dp", p1 - p2);
    // More flow drains harder: the drainage pressure follows the flow's noise.
    values.set("ecmo_pven", p.ecmoPven - 12 * (flow - p.ecmoFlow) + n("pven", NOISE.pven));
  }

  if (parameters.has("iabp_ratio")) {
    const sys = p.iabpSys + 1.2 * arterial + n("iabp_sys", NOISE.iabp);
    values.set("iabp_ratio", p.iabpRatio);
    values.set("iabp_pumping", p.iabpPumping ? 1 : 0);
    values.set("helium_level", p.heliumLevel);
    values.set("iabp_sys", sys);
    // A stopped balloon augments nothing: no augmented diastole or BAEDP is sent (a gap, never a made-up value).
    if (p.iabpPumping) {
      values.set("iabp_aug", sys + Math.max(3, p.iabpAug - p.iabpSys + n("iabp_aug", NOISE.iabp)));
      values.set("iabp_baedp", p.iabpBaedp + 0.8 * arterial + n("iabp_baedp", NOISE.iabp));
    }
  }

  const readings: TReadingInput[] = [];
  for (const [parameter, value] of values) {
    if (parameters.has(parameter)) readings.push(toReading({ episodeId: episode.id, parameter, value, atMs }));
  }
  return readings;
}
