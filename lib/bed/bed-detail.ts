import { z } from "zod";
import { ZStoredFourTs } from "@/lib/scores/four-ts-record";
import { ZDeviceType } from "@/lib/catalogue";
import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import { ZComparator, ZResultStatus } from "@/lib/observations/lab-result";
import { ZStoredSaveScore } from "@/lib/scores/save-score";
import { ZLatestValue } from "@/lib/station/snapshot";

export const ZLabSample = z.object({
  seq: z.number().int(),
  value: z.number(),
  observedAt: z.number(),
  /** Shown when not final (corrected, preliminary); a censored value's comparator ("<" 0.10). */
  status: ZResultStatus.optional(),
  comparator: ZComparator.optional(),
});
export type TLabSample = z.infer<typeof ZLabSample>;

/**
 * A laboratory result that no longer stands, kept for the value's history: corrected (replacedBy holds the
 * correction), cancelled, or a preliminary result the final one replaced.
 */
export const ZReplacedLabSample = ZLabSample.extend({
  replacedBy: z.object({ seq: z.number().int(), status: ZResultStatus, value: z.number() }),
});
export type TReplacedLabSample = z.infer<typeof ZReplacedLabSample>;

/** A laboratory result an import could not read, shown at the bed until someone deals with it (issue 16). */
export const ZLabRefusalDto = z.object({
  id: z.string(),
  parameter: z.string(),
  /** The sample's time when it could be read, else when the result arrived. */
  at: z.number(),
  kind: z.enum(["unit", "value"]),
  /** What the laboratory sent, quoted on the screen. */
  value: z.string(),
});
export type TLabRefusalDto = z.infer<typeof ZLabRefusalDto>;

/** The current value of a coded setting and since when it has held it (pump stopped since, ratio since). */
export const ZValueRun = z.object({ value: z.number(), since: z.number() });
export type TValueRun = z.infer<typeof ZValueRun>;

export const ZDpFlowBaselineDto = z.object({
  dp: z.number(),
  flow: z.number(),
  from: z.number(),
  to: z.number(),
  complete: z.boolean(),
});

/** `GET /api/beds/:bedId`: what the bed view shows besides its trends. */
export const ZBedDetail = z.object({
  /** Server clock when read, epoch ms. */
  serverTime: z.number(),
  /** Every reading up to this sequence number is in the detail; the bed's replay continues from here. */
  lastSeq: z.number().int().nonnegative(),
  bed: z.object({ id: z.string(), label: z.string(), unitId: z.string(), unitName: z.string(), timeZone: z.string() }),
  /** Null for an empty bed. Initials only: the bed view is a shared screen too. */
  patient: z
    .object({ initials: z.string(), ageYears: z.number().int(), sex: z.string(), weightKg: z.number().nullable() })
    .nullable(),
  episode: z
    .object({
      id: z.string(),
      deviceType: ZDeviceType,
      startedAt: z.number(),
      cannulationSite: z.string().nullable(),
      diagnosis: z.string().nullable(),
      /** Settings at the start; a field the row does not hold (or holds malformed) is absent. */
      settings: ZEpisodeSettings,
      /** Age at cannulation, for the SAVE score. */
      ageAtStartYears: z.number().int().nullable(),
      /** SAVE inputs recorded at cannulation (VA-ECMO); null until recorded. */
      saveScore: ZStoredSaveScore.nullable(),
      /** Recorded 4Ts screens, newest first (the latest few). */
      fourTs: z.array(ZStoredFourTs).default([]),
    })
    .nullable(),
  /**
   * The bed's open stay: with no support running the view shows the stay's own values (labs, limb checks, monitoring)
   * from the admission; `lastSupport` is the stay's most recent ended support, whose charted values stay in the
   * trends. Absent (or null) for an empty bed, and from a server that predates it.
   */
  stay: z
    .object({
      id: z.string(),
      admittedAt: z.number(),
      lastSupport: z.object({ deviceType: ZDeviceType, startedAt: z.number(), endedAt: z.number() }).nullable(),
    })
    .nullable()
    .optional(),
  latest: z.record(z.string(), ZLatestValue),
  /** Every sample of each lab parameter over the episode, oldest first (a few dozen a week). */
  labs: z.record(z.string(), z.array(ZLabSample)),
  /** Per lab: results replaced by a later message, newest first (the value's history). */
  replacedLabs: z.record(z.string(), z.array(ZReplacedLabSample)).optional(),
  /** Laboratory results that could not be read and that no one has dealt with yet, oldest first. */
  labRefusals: z.array(ZLabRefusalDto).optional(),
  runs: z.object({ pumping: ZValueRun.nullable(), ratio: ZValueRun.nullable() }),
  /** Mean ΔP and flow over the first 24 h of recorded readings; null without both. */
  dpFlowBaseline: ZDpFlowBaselineDto.nullable(),
});
export type TBedDetail = z.infer<typeof ZBedDetail>;
