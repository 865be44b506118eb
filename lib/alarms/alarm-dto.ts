import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { ZAlarmPriority, ZComparison } from "./rule-schema";

/** IEC 60601-1-8 states as the station stores them (docs/alarms.md). */
export const ALARM_STATUSES = ["active", "acknowledged", "latched", "resolved"] as const;
export const ZAlarmStatus = z.enum(ALARM_STATUSES);
export type TAlarmStatus = z.infer<typeof ZAlarmStatus>;
export const OPEN_ALARM_STATUSES = ["active", "acknowledged", "latched"] as const satisfies readonly TAlarmStatus[];

export const ACKNOWLEDGEMENT_REASONS = ["treated", "artefact", "expected", "other"] as const;
export const ZAcknowledgementReason = z.enum(ACKNOWLEDGEMENT_REASONS);
export type TAcknowledgementReason = z.infer<typeof ZAcknowledgementReason>;

export const LIMIT_SOURCES = ["default", "catalogue-target", "unit-override", "episode-override", "external"] as const;
export const ZLimitSource = z.enum(LIMIT_SOURCES);
export type TLimitSource = z.infer<typeof ZLimitSource>;

/** One alarm as screens receive it (snapshot, replay, `alarm:changed`). Times are epoch ms. */
export const ZAlarmDto = z.object({
  id: z.string(),
  unitId: z.string(),
  bedId: z.string(),
  /** The stay the alarm belongs to. */
  stayId: z.string(),
  /** The support episode running when it was raised; null when none ran (a lab of a patient without support). */
  episodeId: z.string().nullable(),
  ruleId: z.string(),
  origin: z.string(),
  priority: ZAlarmPriority,
  messageKey: z.string(),
  parameter: z.string().nullable(),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  comparison: ZComparison.nullable(),
  valueUnit: z.string().nullable(),
  limitSource: ZLimitSource,
  limitSourceRef: z.string().nullable(),
  /** For an outside raiser's alarm: the finding in each language. */
  summary: z.object({ en: z.string(), fr: z.string() }).nullable(),
  status: ZAlarmStatus,
  conditionActive: z.boolean(),
  /**
   * When the condition began; for an elapsed-time alarm ("No device data for …"), the start of the elapsed time, so
   * that a screen counts the age from it instead of printing the value frozen at the raise. Optional: a sheet frozen
   * before it existed, and fixtures, have none.
   */
  conditionSince: z.number().optional(),
  raisedAt: z.number(),
  clearedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedReason: ZAcknowledgementReason.nullable(),
  acknowledgedComment: z.string().nullable(),
  resolvedAt: z.number().nullable(),
  resolution: z.string().nullable(),
  /** The seq of the alarm's newest change: of two copies, the higher one is current. */
  lastEventSeq: z.number().int(),
});
export type TAlarmDto = z.infer<typeof ZAlarmDto>;

/** AUDIO PAUSED on a unit's central station, until when and by whom; null when the audio is not paused. */
export const ZAudioPause = z.object({ until: z.number(), by: z.string().nullable() }).nullable();
export type TAudioPause = z.infer<typeof ZAudioPause>;

/** The alarms a unit's screen starts from: every open alarm, the audio pause, and the last alarm seq they cover. */
export const ZUnitAlarms = z.object({
  unitId: z.string(),
  alarms: z.array(ZAlarmDto),
  audioPause: ZAudioPause,
  lastSeq: z.number().int().nonnegative(),
  serverTime: z.number(),
});
export type TUnitAlarms = z.infer<typeof ZUnitAlarms>;

export const ZAcknowledgeAlarmSchema = z
  .object({
    alarmId: z.string().min(1).max(64),
    reason: ZAcknowledgementReason,
    comment: ZClinicalText({ max: 500, multiline: true }).optional(),
  })
  .refine((a) => a.reason !== "other" || (a.comment !== undefined && a.comment.length > 0), {
    message: "a comment is required when the reason is other",
    path: ["comment"],
  });
export type TAcknowledgeAlarm = z.infer<typeof ZAcknowledgeAlarmSchema>;

/** IEC 60601-1-8's usual AUDIO PAUSED interval. */
export const AUDIO_PAUSE_MS = 2 * 60_000;
