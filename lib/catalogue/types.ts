import { z } from "zod";
import type { TParameterCode } from "./codes";

export const DEVICE_TYPES = ["VA_ECMO", "IABP", "VA_ECMO_IABP"] as const;
export const ZDeviceType = z.enum(DEVICE_TYPES);
export type TDeviceType = z.infer<typeof ZDeviceType>;

/** The support a target range is written for. VA_ECMO_IABP patients use the VA-ECMO targets (the ECMO governs). */
export type TSupportKind = "VA_ECMO" | "IABP";

export type TSourceKind = "lab" | "device" | "nursing";

/** Where a number comes from, so the screen can say which value is in force and why. */
export interface TSourceRef {
  readonly id: string;
  readonly citation: string;
}

export interface TTargetRange {
  /** Lowest value in target (inclusive); absent when there is no lower limit. */
  readonly low?: number;
  /** Highest value in target; `highExclusive` says whether the limit itself is out of target ("< 2"). */
  readonly high?: number;
  readonly highExclusive?: boolean;
  readonly lowExclusive?: boolean;
  readonly source: TSourceRef;
  /** Shown beside the range: what the target means in words of the clinical reference. */
  readonly note?: string;
}

/**
 * A clinical number that is not a parameter's target: a limit on a change or on a pair of values, a protocol timer,
 * a factor. Durations are in milliseconds, the unit every clock of the station counts in.
 */
export interface TClinicalLimit {
  readonly value: number;
  /** UCUM unit of `value` ("ms" for a duration, "1" for a pure factor). */
  readonly unit: string;
  readonly source: TSourceRef;
}

/** Another unit a reading may arrive in, and how to bring it to the catalogue's unit. */
export interface TUnitConversion {
  /** Unit strings as sent by labs and devices (compared case-sensitively after trimming). */
  readonly from: readonly string[];
  readonly factor: number;
  readonly source: TSourceRef;
}

export interface TParameter {
  readonly code: TParameterCode;
  readonly label: { readonly en: string; readonly fr: string };
  /** Short label for a tile. */
  readonly short: { readonly en: string; readonly fr: string };
  /** UCUM unit of storage and display. */
  readonly unit: string;
  /** How the unit is printed for a person (UCUM's `mm[Hg]` reads as mmHg). */
  readonly unitDisplay: string;
  /** The unit as French writes it, where that differs (IU/mL is UI/mL): read through `unitText`. */
  readonly unitDisplayFr?: string;
  readonly loinc: readonly string[];
  readonly sourceKind: TSourceKind;
  /** Seconds between two readings in normal operation; a reading is stale after CLINICAL_LIMITS.staleFactor × this. */
  readonly expectedIntervalSec: number;
  readonly plausible: { readonly min: number; readonly max: number };
  /** Values a parameter can take when it is a coded setting (assist ratio 1:N is stored as N). */
  readonly allowedValues?: readonly number[];
  readonly decimals: number;
  /** Which supports measure this parameter. */
  readonly supports: readonly TSupportKind[];
  readonly targets: Partial<Record<TSupportKind, TTargetRange>>;
  readonly conversions: readonly TUnitConversion[];
  /**
   * Molar mass in g/mol, for an analyte a lab may report by mass or by amount of substance (lactate in mg/dL or
   * mmol/L): UCUM converts between the two only when told it (lib/units/to-catalogue-unit.ts).
   */
  readonly molarMass?: { readonly gPerMol: number; readonly source: TSourceRef };
  /** Groups for panels and charts. */
  readonly group: "labs" | "ecmo_circuit" | "ecmo_pressures" | "iabp" | "limb" | "haemodynamics" | "nursing";
}
