import { HOUR, ramp, settle } from "./curves";
import type { TPhysiology, TScenarioContext } from "./physiology";

/**
 * A patient who responds to support: cannulated in cardiogenic shock, lactate clearing over the first day, pressure
 * and urine output recovering, platelets consumed by the circuit over two days then steady, anti-Xa reaching the
 * device's target (ELSO 0.3–0.5 on ECMO, 0.3–0.4 on an IABP) within 12 h. Every scenario starts from here.
 */
export function baselinePhysiology(scenarioMs: number, { deviceType, settings }: TScenarioContext): TPhysiology {
  const t = scenarioMs;
  const ecmo = deviceType !== "IABP";
  const hours = Math.max(0, t) / HOUR;
  // Flow of a centrifugal pump grows roughly with speed above its threshold; 3200 /min gives 4 L/min here.
  const flow = Math.min(7, Math.max(1, (4 * settings.rpm) / 3200));
  // VA-ECMO flattens the pulse: the balloon augments less above a smaller unassisted systole.
  const sys = deviceType === "VA_ECMO_IABP" ? 88 : 98;
  return {
    map: ramp(t, 0, 12 * HOUR, 66, 73),
    hr: ramp(t, 0, 24 * HOUR, 98, 84),
    spo2Right: 97,
    urineOutput: ramp(t, 0, 24 * HOUR, 40, 85),

    ecmoRpm: settings.rpm,
    ecmoFlow: flow,
    ecmoSweep: settings.sweep,
    ecmoFdo2: settings.fdo2,
    ecmoDpPerFlow: 4.2,
    ecmoPven: -45 - 12 * (flow - 4),

    nirsCannulated: ecmo ? 66 : 69,
    nirsOther: 71,
    dpcFlow: 190,

    iabpRatio: settings.ratio,
    iabpPumping: true,
    // A console uses a little helium for every inflation; no refill during these days.
    heliumLevel: Math.max(40, 85 - 0.15 * hours),
    iabpSys: sys,
    iabpAug: sys + 16,
    iabpBaedp: 52,

    lactate: settle(t, 3.8, 1.2, 8 * HOUR),
    antiXa: ramp(t, 0, 12 * HOUR, 0.15, ecmo ? 0.4 : 0.35),
    platelets: ecmo
      ? ramp(t, 0, 48 * HOUR, 210, 150) + ramp(t, 48 * HOUR, 96 * HOUR, 0, 20)
      : ramp(t, 0, 48 * HOUR, 235, 200) + ramp(t, 48 * HOUR, 96 * HOUR, 0, 15),
    hemoglobin: ramp(t, 0, 72 * HOUR, 11.2, 9.6),
    fibrinogen: ramp(t, 0, 72 * HOUR, 3.0, 4.2),
    ldh: ramp(t, 0, 48 * HOUR, 380, 300),
    freeHb: ramp(t, 0, 24 * HOUR, 12, 8),
  };
}
