import type { TDeviceType } from "@/lib/catalogue";
import type { TScenarioName } from "@/lib/simulator/scenarios";

/**
 * The patient and devices as a scenario describes them at one scenario time: noise-free "true" values in the
 * catalogue's units. The generator adds noise, derives the circuit pressures and picks the parameters of the
 * episode's device type.
 */
export interface TPhysiology {
  readonly map: number;
  readonly hr: number;
  readonly spo2Right: number;
  /** mL/h, charted hourly. */
  readonly urineOutput: number;

  readonly ecmoRpm: number;
  readonly ecmoFlow: number;
  readonly ecmoSweep: number;
  readonly ecmoFdo2: number;
  /** Oxygenator ΔP per L/min of flow (mmHg per L/min): a clotting oxygenator raises it (docs/clinical-reference.md §3). */
  readonly ecmoDpPerFlow: number;
  /** Drainage pressure at the scenario's own flow. */
  readonly ecmoPven: number;

  /** Limb NIRS on the leg that carries the arterial cannula (or the balloon sheath), and on the other leg. */
  readonly nirsCannulated: number;
  readonly nirsOther: number;
  readonly dpcFlow: number;

  readonly iabpRatio: 1 | 2 | 3 | 4;
  readonly iabpPumping: boolean;
  readonly heliumLevel: number;
  readonly iabpSys: number;
  readonly iabpAug: number;
  readonly iabpBaedp: number;

  readonly lactate: number;
  readonly antiXa: number;
  readonly platelets: number;
  readonly hemoglobin: number;
  readonly fibrinogen: number;
  readonly ldh: number;
  readonly freeHb: number;
}

/** What a scenario may depend on besides time: the device configuration and its settings at the start. */
export interface TScenarioContext {
  readonly deviceType: TDeviceType;
  readonly settings: {
    readonly rpm: number;
    readonly sweep: number;
    readonly fdo2: number;
    readonly ratio: 1 | 2 | 3 | 4;
  };
}

export interface TScenario {
  readonly name: TScenarioName;
  /** Scenario times (ms since the episode start) of heparin dose changes; heparin starts at 0 in every scenario. */
  readonly heparinChangesAt: readonly number[];
  /** Pure: the same scenario time and context always give the same physiology. */
  physiologyAt(scenarioMs: number, context: TScenarioContext): TPhysiology;
}
