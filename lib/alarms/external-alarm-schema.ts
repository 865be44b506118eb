import { z } from "zod";

/**
 * An alarm raised by another feature than the engine (a round's abnormal finding): what the raiser must say. The
 * schema is the contract of lib/db/alarms/raise-external-alarm.ts; the rule id must not be one of the engine's.
 */
export const ZRaiseExternalAlarmSchema = z
  .object({
    /**
     * The support the finding is about (a round item, a protocol step, a limb check while the support runs): the alarm
     * is the episode's, ends with it.
     */
    episodeId: z.string().min(1).optional(),
    /**
     * Or the patient's stay, with or without support running (a laboratory result that could not be read, a limb
     * check after the balloon's removal): the alarm
     * lasts until its raiser clears it or the patient is discharged. Exactly one of the two.
     */
    stayId: z.string().min(1).optional(),
    /**
     * kebab-case, e.g. "round-abnormal-finding", "protocol-step-overdue", "limb-check-abnormal" (docs/alarms.md);
     * stored as the alarm's ruleId.
     */
    ruleId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case"),
    /** What the alarm is about within its rule (a round item): one open alarm per episode, rule and subject. */
    subjectKey: z.string().min(1).max(200),
    /**
     * Outside raisers report findings a person made, not physiological values the engine watches continuously: they
     * may ask for attention (low) or a prompt response (medium), or report a problem with the data rather than the
     * patient (technical: a laboratory result that could not be read); high priority stays with the engine's rules.
     */
    priority: z.enum(["low", "medium", "technical"]),
    /** Key under the `alarms` namespace of the message catalogue: its sentence takes {summary}. */
    messageKey: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "camelCase"),
    /** What the station shows after the message, in each language the catalogue has (e.g. the item and the finding). */
    summary: z.object({ en: z.string().trim().min(1).max(300), fr: z.string().trim().min(1).max(300) }),
    /** The raiser's own references (round id, item id), kept in the alarm's details. */
    refs: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .refine((a) => (a.episodeId === undefined) !== (a.stayId === undefined), {
    message: "an episode or a stay, not both",
    path: ["episodeId"],
  });
export type TRaiseExternalAlarm = z.input<typeof ZRaiseExternalAlarmSchema>;

export const ZClearExternalAlarmSchema = z
  .object({
    /** The scope it was raised in: its episode, or its stay. */
    episodeId: ZRaiseExternalAlarmSchema.shape.episodeId,
    stayId: ZRaiseExternalAlarmSchema.shape.stayId,
    ruleId: ZRaiseExternalAlarmSchema.shape.ruleId,
    subjectKey: ZRaiseExternalAlarmSchema.shape.subjectKey,
    /** cleared: the condition is over (the finding is normal again); withdrawn: it was recorded in error. */
    resolution: z.enum(["cleared", "withdrawn"]).default("cleared"),
  })
  .refine((a) => (a.episodeId === undefined) !== (a.stayId === undefined), {
    message: "an episode or a stay, not both",
    path: ["episodeId"],
  });
export type TClearExternalAlarm = z.input<typeof ZClearExternalAlarmSchema>;

/**
 * The unique key of an open alarm (Alarm.openKey): one per scope, rule and subject. The engine's alarms are a stay's
 * (scope: the stay id, subject ""): the engine judges the whole stay, with or without support running. An outside
 * raiser's are its episode's (scope: the episode id), as its finding is about the support that ran, or its stay's
 * when it is about the patient whatever runs (a refused laboratory result; its rule is not the engine's, so its key
 * cannot meet an engine alarm's).
 */
export function alarmOpenKey(scopeId: string, ruleId: string, subjectKey: string): string {
  return `${scopeId}|${ruleId}|${subjectKey}`;
}
