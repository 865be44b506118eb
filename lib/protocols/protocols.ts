import { CLINICAL_LIMITS, SOURCES } from "@/lib/catalogue";
import type { TDeviceType, TSourceRef } from "@/lib/catalogue";

const MIN = 60_000;
const H = 60 * MIN;
const L = CLINICAL_LIMITS;

export const PROTOCOL_IDS = ["iabp-weaning", "dpc-after-cannulation", "helium-check"] as const;
export type TProtocolId = (typeof PROTOCOL_IDS)[number];
/** A plan under way, all its steps signed, or cancelled with its reason (prisma/schema.prisma ProtocolTimerStatus). */
export const PROTOCOL_TIMER_STATUSES = ["active", "completed", "cancelled"] as const;
/** Outside the engine an alarm asks for attention (low) or a prompt response (medium): lib/alarms' external raisers. */
export type TOverduePriority = "low" | "medium";

/**
 * One step of a protocol. Its clock runs from the protocol's anchor (`after` null) or from the signature of the step
 * it follows: due from `earliestMs`, overdue after `latestMs`. `notBefore` steps cannot be signed before their
 * earliest time (a balloon out less than an hour after heparin stopped is a protocol breach, not a late entry).
 * A step with `repeatEveryMs` comes back after each signature (the helium check); its window is then measured from
 * the previous signature.
 */
export interface TProtocolStep {
  readonly id: string;
  readonly after: string | null;
  readonly earliestMs: number;
  readonly latestMs: number;
  readonly notBefore?: boolean;
  readonly repeatEveryMs?: number;
  readonly overduePriority: TOverduePriority;
  /** Where the timing comes from (§6) or "project default". */
  readonly timingSource: TSourceRef;
  /** Where the overdue priority comes from: §3/§6 give none for protocol steps, so each is a project default. */
  readonly prioritySource: TSourceRef;
}

export interface TProtocol {
  readonly id: TProtocolId;
  /** Stored with each started plan: a later change of the steps never rewrites a running plan's meaning. */
  readonly version: number;
  /** The support a patient must be on for the protocol to be started. */
  readonly devices: readonly TDeviceType[];
  readonly steps: readonly TProtocolStep[];
}

const DEFAULT = SOURCES.projectDefault;
const TIMERS = SOURCES.protocolTimers;

/** Limb checks after balloon removal, minutes after it (§6 says "limb checks follow": the times are project defaults). */
const LIMB_CHECKS_AFTER_REMOVAL_MIN = [60, 120, 240, 360] as const;
/** How long a timed bedside check stays "due" before it is overdue (project default). */
const CHECK_WINDOW_MS = 15 * MIN;

/**
 * The protocols of the project clinical reference §6, as data. Priorities when overdue are project defaults: medium
 * where a late step leaves the patient exposed (the balloon left in at a low ratio, a leg without distal perfusion,
 * an unchecked limb after removal), low where it is a review that can wait for the next look (a ratio step held
 * longer, compression signed late, the end of flat rest, the helium check).
 */
export const PROTOCOLS: Readonly<Record<TProtocolId, TProtocol>> = {
  "iabp-weaning": {
    id: "iabp-weaning",
    version: 1,
    devices: ["IABP", "VA_ECMO_IABP"],
    steps: [
      step("ratio-1-2", null, L.weaningStepMin.value, L.weaningStepMax.value, "low", TIMERS),
      step("ratio-1-4", "ratio-1-2", L.weaningStepMin.value, L.weaningStepMax.value, "low", TIMERS),
      // Removal once 1:4 was tolerated "for example 6 h", heparin stopped the hour before it.
      step(
        "heparin-stopped",
        "ratio-1-4",
        L.weaningStepMin.value,
        L.weaningStepMax.value - L.heparinStopBeforeRemoval.value,
        "medium",
        TIMERS,
      ),
      {
        ...step("balloon-removed", "heparin-stopped", L.heparinStopBeforeRemoval.value, 2 * H, "medium", TIMERS),
        notBefore: true,
      },
      {
        ...step("compression-ended", "balloon-removed", L.femoralCompressionMin.value, H, "low", TIMERS),
        notBefore: true,
      },
      ...LIMB_CHECKS_AFTER_REMOVAL_MIN.map((m) =>
        step(`limb-check-${m}`, "balloon-removed", m * MIN, m * MIN + CHECK_WINDOW_MS, "medium", DEFAULT),
      ),
      {
        ...step(
          "flat-rest-ended",
          "balloon-removed",
          L.flatRestAfterRemoval.value,
          L.flatRestAfterRemoval.value + H,
          "low",
          TIMERS,
        ),
        notBefore: true,
      },
    ],
  },
  "dpc-after-cannulation": {
    id: "dpc-after-cannulation",
    version: 1,
    devices: ["VA_ECMO", "VA_ECMO_IABP"],
    steps: [step("dpc-placed", null, 0, L.dpcWithin.value, "medium", TIMERS)],
  },
  "helium-check": {
    id: "helium-check",
    version: 1,
    devices: ["IABP", "VA_ECMO_IABP"],
    steps: [
      {
        ...step(
          "autofill-checked",
          null,
          L.heliumCheckEvery.value - CHECK_WINDOW_MS,
          L.heliumCheckEvery.value,
          "low",
          DEFAULT,
        ),
        repeatEveryMs: L.heliumCheckEvery.value,
      },
    ],
  },
};

function step(
  id: string,
  after: string | null,
  earliestMs: number,
  latestMs: number,
  overduePriority: TOverduePriority,
  timingSource: TSourceRef,
): TProtocolStep {
  return { id, after, earliestMs, latestMs, overduePriority, timingSource, prioritySource: DEFAULT };
}

export function protocolById(id: string): TProtocol | null {
  return (PROTOCOLS as Record<string, TProtocol | undefined>)[id] ?? null;
}

/** The protocols a nurse may start on an episode of this support. */
export function protocolsFor(device: TDeviceType): TProtocol[] {
  return PROTOCOL_IDS.map((id) => PROTOCOLS[id]).filter((p) => p.devices.includes(device));
}
