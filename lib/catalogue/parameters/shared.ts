import { SOURCES } from "../sources";

export const H = 3600;
/** Continuous device data: consoles and gateways report every few seconds. */
export const DEVICE_INTERVAL_SEC = 5;
export const ECMO = ["VA_ECMO"] as const;
export const IABP = ["IABP"] as const;
export const BOTH = ["VA_ECMO", "IABP"] as const;

/** What every pressure shares: UCUM's mm[Hg], shown as mmHg, reported by a console. */
export const mmHg = { unit: "mm[Hg]", unitDisplay: "mmHg", loinc: [], sourceKind: "device" as const };
export const MMHG_CONVERSIONS = [{ from: ["mmHg", "mm Hg"], factor: 1, source: SOURCES.ucum }];
