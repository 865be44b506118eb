import { z } from "zod";
import { ZDeviceType } from "@/lib/catalogue";
import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import { ZComparator, ZResultStatus } from "@/lib/observations/lab-result";

/** One value of a bed as the station shows it: the latest reading and an earlier one for the trend arrow. */
export const ZLatestValue = z.object({
  seq: z.number().int(),
  value: z.number(),
  observedAt: z.number(),
  /** The reading about five minutes earlier (device data) or the previous sample (labs); null when none. */
  reference: z.object({ value: z.number(), observedAt: z.number() }).nullable(),
  /** A laboratory result's status (shown when not final: corrected, preliminary) and a censored value's comparator. */
  status: ZResultStatus.optional(),
  comparator: ZComparator.optional(),
});
export type TLatestValue = z.infer<typeof ZLatestValue>;

export const ZStationBed = z.object({
  bedId: z.string(),
  label: z.string(),
  position: z.number().int(),
  /** The bed's open stay (null when the bed is empty): its values are the stay's, whichever support ran. */
  stay: z.object({ id: z.string(), admittedAt: z.number() }).nullable(),
  /** Null when the bed is empty. */
  patient: z
    .object({
      initials: z.string(),
      ageYears: z.number().int(),
      sex: z.string(),
    })
    .nullable(),
  episode: z
    .object({
      id: z.string(),
      deviceType: ZDeviceType,
      startedAt: z.number(),
      cannulationSite: z.string().nullable(),
      settings: ZEpisodeSettings,
    })
    .nullable(),
  latest: z.record(z.string(), ZLatestValue),
});
export type TStationBed = z.infer<typeof ZStationBed>;

export const ZStationSnapshot = z.object({
  unit: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** Server clock when the snapshot was read, epoch ms. */
  serverTime: z.number(),
  /** Every reading up to this sequence number is in the snapshot; replay continues from here. */
  lastSeq: z.number().int().nonnegative(),
  beds: z.array(ZStationBed),
});
export type TStationSnapshot = z.infer<typeof ZStationSnapshot>;

/** How far back the trend arrow of continuous device data looks. */
export const TREND_LOOKBACK_MS = 5 * 60_000;
