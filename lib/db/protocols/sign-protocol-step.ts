import { randomUUID } from "node:crypto";
import type { TProtocolPlanDto, TSignStepInput } from "@/lib/protocols/protocol-dtos";
import { protocolById } from "@/lib/protocols/protocols";
import { checkSignable, isComplete, stepStates } from "@/lib/protocols/step-states";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { clearStepOverdue } from "./protocol-alarms";
import { PLAN_SELECT, planClock, toPlanDto } from "./protocol-rows";

const REFUSALS = {
  "unknown-step": "stepId: this protocol has no such step.",
  "already-done": "stepId: this step is already signed.",
  waiting: "stepId: the step before this one is not signed yet.",
  "too-early": "doneAt: this step cannot be done before its earliest time (see the protocol panel).",
  "before-previous": "doneAt: this step cannot be done before the step it follows was done.",
} as const;

/**
 * Signs a step of a running plan as done (who: the signed-in user; when: `doneAt`, default now): the step's overdue
 * alarm is cleared, the plan completes with its last step, and the signature, the alarm's end, the audit and the
 * DocumentChange commit together.
 */
export async function signProtocolStep({
  db,
  bedId,
  timerId,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  timerId: string;
  input: TSignStepInput;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TProtocolPlanDto> {
  const doneAt = new Date(input.doneAt ?? now.getTime());
  const row = await db.$transaction(async (tx) => {
    const plan = await findPlan(tx, bedId, timerId);
    const protocol = protocolById(plan.protocol);
    if (!protocol) throw new AppError("CONFLICT", "This protocol is not known to this version of the station.");
    if (plan.status !== "active")
      throw new AppError("CONFLICT", `This protocol timer is ${plan.status}: its steps can no longer be signed.`);
    if (doneAt.getTime() < plan.anchorAt)
      throw new AppError("INVALID_INPUT", "doneAt: a step cannot be done before the protocol's clock started.");
    const check = checkSignable(stepStates(protocol, planClock(plan), now.getTime()), input.stepId, doneAt.getTime());
    if (!check.ok)
      throw new AppError(check.reason === "unknown-step" ? "INVALID_INPUT" : "CONFLICT", REFUSALS[check.reason]);
    await tx.protocolStepSignature.create({
      data: {
        id: randomUUID(),
        timerId,
        stepId: input.stepId,
        occurrence: check.occurrence,
        doneAt,
        recordedAt: now,
        signedById: actor.userId,
        note: input.note ?? null,
      },
    });
    await clearStepOverdue({
      db: tx,
      plan,
      stepId: input.stepId,
      occurrence: check.occurrence,
      resolution: "cleared",
      actor,
      context,
      now,
    });
    const signed = await findPlan(tx, bedId, timerId);
    const complete = isComplete(stepStates(protocol, planClock(signed), now.getTime()), protocol);
    if (complete)
      await tx.protocolTimer.update({ where: { id: timerId }, data: { status: "completed", endedAt: now } });
    await recordAuditEvent({
      db: tx,
      action: "protocol.step-signed",
      actor,
      context,
      target: { type: "protocol-timer", id: timerId },
      unitId: plan.unitId,
      details: {
        bedId,
        protocol: protocol.id,
        stepId: input.stepId,
        occurrence: check.occurrence,
        doneAt: doneAt.toISOString(),
        completed: complete,
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "protocol:changed", unitId: plan.unitId, bedId, timerId },
      now,
    });
    return tx.protocolTimer.findUniqueOrThrow({ where: { id: timerId }, select: PLAN_SELECT });
  });
  announceCommit(db);
  const dto = toPlanDto(row);
  if (!dto) throw new Error(`protocol ${row.protocol} was just signed and must be known`);
  return dto;
}

async function findPlan(db: Pick<Db, "protocolTimer">, bedId: string, timerId: string): Promise<TProtocolPlanDto> {
  const row = await db.protocolTimer.findUnique({ where: { id: timerId }, select: PLAN_SELECT });
  const plan = row && row.bedId === bedId ? toPlanDto(row) : null;
  if (!row || row.bedId !== bedId) throw new AppError("NOT_FOUND", "No such protocol timer on this bed.");
  if (!plan) throw new AppError("CONFLICT", "This protocol is not known to this version of the station.");
  return plan;
}
