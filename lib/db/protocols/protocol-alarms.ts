import protocolsEn from "@/lib/i18n/messages/protocols.en.json";
import protocolsFr from "@/lib/i18n/messages/protocols.fr.json";
import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import type { TProtocolId } from "@/lib/protocols/protocols";
import type { TStepState } from "@/lib/protocols/step-states";
import { clearExternalAlarmRow } from "../alarms/clear-external-alarm-row";
import { raiseExternalAlarmRow } from "../alarms/raise-external-alarm-row";
import type { TAlarmDb, TAppendAlarmEvent } from "../alarms/append-alarm-event";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";

/*
 * Each function below writes one alarm's row and answers its event (null when nothing changed), which the caller
 * appends after its last row write: the first event takes the log-order lock, and a transaction holding it must not
 * then wait for a row, which a nurse acknowledging an alarm, or a move of the patient (the bed of its alarms and
 * plans), holds while waiting for that lock (deadlock detected; docs/deployment-database.md, "Lock order").
 */

/** The alarm rule of an overdue protocol step: one open alarm per plan, step and occurrence (docs/alarms.md). */
export const PROTOCOL_STEP_RULE = "protocol-step-overdue";
/** The alarm rule of a limb check signed abnormal: one open alarm per plan, its subject the plan's id (docs/alarms.md). */
export const LIMB_CHECK_RULE = "limb-check-abnormal";
const ORIGIN = "protocols";

type TTx = TAlarmDb & Pick<Db, "supportEpisode" | "stay" | "$queryRaw">;

export function stepSubject(timerId: string, stepId: string, occurrence: number): string {
  return `${timerId}/${stepId}/${occurrence}`;
}

/**
 * "IABP weaning, heparin stopped (1 h before removal)" in both languages, from the protocols catalogue: the alarm
 * keeps the words of the day it was raised, as a round finding's alarm does.
 */
function summaryOf(protocol: TProtocolId, stepId: string): { en: string; fr: string } {
  const words = (catalogue: typeof protocolsEn) => {
    const step = (catalogue.protocols.step as Record<string, string>)[stepId] ?? stepId;
    return `${catalogue.protocols.name[protocol]}, ${step.charAt(0).toLowerCase()}${step.slice(1)}`;
  };
  return { en: words(protocolsEn), fr: words(protocolsFr) };
}

/** Raises the overdue alarm of one step, in the caller's transaction (idempotent while it is open: null). */
export async function raiseStepOverdue({
  db,
  plan,
  step,
  now,
}: {
  db: TTx;
  /** Scoped by the plan's episode while it runs, else by the patient's stay (after the balloon's removal). */
  plan: { id: string; scope: { episodeId: string } | { stayId: string }; protocol: TProtocolId };
  step: TStepState;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  const raised = await raiseExternalAlarmRow({
    db,
    origin: ORIGIN,
    actor: null,
    context: null,
    now,
    input: {
      ...plan.scope,
      ruleId: PROTOCOL_STEP_RULE,
      subjectKey: stepSubject(plan.id, step.stepId, step.occurrence),
      priority: step.overduePriority,
      messageKey: "protocolStepOverdue",
      summary: summaryOf(plan.protocol, step.stepId),
      refs: { timerId: plan.id, stepId: step.stepId, occurrence: step.occurrence },
    },
  });
  return raised.event;
}

/**
 * Ends the overdue alarm of one step (signed: "cleared"; the plan cancelled: "withdrawn"), in the caller's
 * transaction; null when none was open.
 */
export async function clearStepOverdue({
  db,
  plan,
  stepId,
  occurrence,
  resolution,
  actor,
  context,
  now,
}: {
  db: TAlarmDb;
  plan: { id: string };
  stepId: string;
  occurrence: number;
  resolution: "cleared" | "withdrawn";
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  return clearPlanAlarm({
    db,
    ruleId: PROTOCOL_STEP_RULE,
    subjectKey: stepSubject(plan.id, stepId, occurrence),
    resolution,
    actor,
    context,
    now,
  });
}

/**
 * Raises the alarm of a limb check signed abnormal, in the signature's transaction, with the nurse's comment: MEDIUM,
 * as a round's abnormal finding (a cold, pale leg without a Doppler pulse after the balloon's removal asks for a
 * prompt look by someone else, not the immediate response of high priority). Scoped as an overdue step: the plan's
 * episode while it runs, else the patient's stay. One open alarm per plan: a second abnormal check while it is open
 * keeps it (and its first words; the signature holds the new comment).
 */
export async function raiseLimbFinding({
  db,
  plan,
  summary,
  stepId,
  occurrence,
  actor,
  context,
  now,
}: {
  db: TTx;
  plan: { id: string; scope: { episodeId: string } | { stayId: string } };
  summary: { en: string; fr: string };
  stepId: string;
  occurrence: number;
  actor: TAuditActor;
  context: TRequestContext | null;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  const raised = await raiseExternalAlarmRow({
    db,
    origin: ORIGIN,
    actor,
    context,
    now,
    input: {
      ...plan.scope,
      ruleId: LIMB_CHECK_RULE,
      subjectKey: plan.id,
      priority: "medium",
      messageKey: "limbCheckAbnormal",
      summary,
      refs: { timerId: plan.id, stepId, occurrence },
    },
  });
  return raised.event;
}

/**
 * Ends the plan's abnormal limb check alarm (a later limb check normal: "cleared"; the plan cancelled: "withdrawn"),
 * in the caller's transaction; null when none was open.
 */
export async function clearLimbFinding({
  db,
  plan,
  resolution,
  actor,
  context,
  now,
}: {
  db: TAlarmDb;
  plan: { id: string };
  resolution: "cleared" | "withdrawn";
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  return clearPlanAlarm({ db, ruleId: LIMB_CHECK_RULE, subjectKey: plan.id, resolution, actor, context, now });
}

/** Ends a plan's open alarm of this rule and subject, wherever it was raised; null when none was open. */
async function clearPlanAlarm({
  db,
  ruleId,
  subjectKey,
  resolution,
  actor,
  context,
  now,
}: {
  db: TAlarmDb;
  ruleId: string;
  subjectKey: string;
  resolution: "cleared" | "withdrawn";
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now: Date;
}): Promise<TAppendAlarmEvent | null> {
  // Looked up by its subject, which names the plan: a step of an ended episode alarms on the bed's episode under way.
  const open = await db.alarm.findFirst({
    where: { ruleId, subjectKey, openKey: { not: null } },
    select: { episodeId: true, stayId: true, openKey: true },
  });
  if (!open) return null;
  // Raised on the episode while it ran, or on the stay after it ended (sync-protocol-alarms.ts): its open key says which.
  const byStay = open.openKey === alarmOpenKey(open.stayId, ruleId, subjectKey);
  if (!byStay && !open.episodeId) return null;
  return clearExternalAlarmRow({
    db,
    origin: ORIGIN,
    actor,
    context,
    now,
    input: {
      ...(byStay ? { stayId: open.stayId } : { episodeId: open.episodeId ?? "" }),
      ruleId,
      subjectKey,
      resolution,
    },
  });
}
