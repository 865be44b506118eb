import type { TDeviceType } from "@/lib/catalogue";

export const S = 1_000;
export const MIN = 60 * S;
export const H = 60 * MIN;

export const ALL_DEVICES: TDeviceType[] = ["VA_ECMO", "IABP", "VA_ECMO_IABP"];
export const WITH_ECMO: TDeviceType[] = ["VA_ECMO", "VA_ECMO_IABP"];
export const WITH_IABP: TDeviceType[] = ["IABP", "VA_ECMO_IABP"];

/**
 * Continuous device values must hold a condition this long, i.e. on four consecutive readings at the catalogue's
 * 5 s interval, so that a single artefact (a moved probe, a flushed line) does not raise an alarm.
 */
export const DEVICE_VALIDATION_DELAY_MS = 15 * S;

/**
 * Lab results are single deliberate samples hours apart: each is a fact on its own, so they are neither delayed
 * nor given a hysteresis band (a value cannot hover at a limit between two draws).
 */
export const LAB_VALIDATION_DELAY_MS = 0;
export const LAB_HYSTERESIS = 0;
