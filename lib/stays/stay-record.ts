import type { TDeviceType } from "@/lib/catalogue/types";
import type { TEpisodeSettings } from "@/lib/episodes/episode-settings";
import type { TEpisodeEndReason, TStayDisposition } from "./stay";

/**
 * A stay as its archive page prints it (issue 15): who, where and when, each bed it went through, and each support
 * run with its cannulation and settings history. Names of the staff who acted, never their ids. Times are epoch ms.
 */
export interface TStayRecord {
  id: string;
  unitId: string;
  unitName: string;
  /** The unit's zone: the record's times are printed in it. */
  timeZone: string;
  patient: {
    mrn: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: string;
  };
  weightKg: number | null;
  heightCm: number | null;
  diagnosis: string | null;
  admittedAt: number;
  admittedBy: string | null;
  dischargedAt: number | null;
  dischargedBy: string | null;
  disposition: TStayDisposition | null;
  beds: { label: string; from: number; to: number | null; by: string | null }[];
  episodes: {
    deviceType: TDeviceType;
    startedAt: number;
    startedBy: string | null;
    endedAt: number | null;
    endedBy: string | null;
    endReason: TEpisodeEndReason | null;
    cannulationSite: string | null;
    cannulationSide: string | null;
    cannulas: Record<string, number> | null;
    distalPerfusion: boolean | null;
    consoleModel: string | null;
    settings: { at: number; by: string | null; settings: TEpisodeSettings }[];
    protocols: { protocol: string; startedAt: number; status: string; endedAt: number | null }[];
  }[];
}
