import type { TCancelProtocolInput, TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { PROTOCOL_STEP_RULE, clearStepOverdue } from "./protocol-alarms";
import { PLAN_SELECT, toPlanDto } from "./protocol-rows";

/**
 * Cancels a running plan with its reason (started in error, weaning abandoned, the balloon replaced): its open
 * overdue alarms are withdrawn, and the cancellation, the alarms' end, the audit and the DocumentChange commit
 * together. The signatures stay: a cancelled plan is still read on the bed's panel for a day.
 */
export async function cancelProtocol({
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
  input: TCancelProtocolInput;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TProtocolPlanDto> {
  const row = await db.$transaction(async (tx) => {
    const plan = await tx.protocolTimer.findUnique({
      where: { id: timerId },
      select: { bedId: true, unitId: true, status: true, protocol: true },
    });
    if (!plan || plan.bedId !== bedId) throw new AppError("NOT_FOUND", "No such protocol timer on this bed.");
    if (plan.status !== "active") throw new AppError("CONFLICT", `This protocol timer is already ${plan.status}.`);
    await tx.protocolTimer.update({
      where: { id: timerId },
      data: { status: "cancelled", endedAt: now, cancelledById: actor.userId, cancelReason: input.reason },
    });
    const open = await tx.alarm.findMany({
      where: { ruleId: PROTOCOL_STEP_RULE, subjectKey: { startsWith: `${timerId}/` }, openKey: { not: null } },
      select: { subjectKey: true },
    });
    for (const alarm of open) {
      const [, stepId = "", occurrence = "1"] = alarm.subjectKey.split("/");
      await clearStepOverdue({
        db: tx,
        plan: { id: timerId },
        stepId,
        occurrence: Number(occurrence),
        resolution: "withdrawn",
        actor,
        context,
        now,
      });
    }
    await recordAuditEvent({
      db: tx,
      action: "protocol.cancelled",
      actor,
      context,
      target: { type: "protocol-timer", id: timerId },
      unitId: plan.unitId,
      details: { bedId, protocol: plan.protocol, reason: input.reason, alarmsWithdrawn: open.length },
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
  if (!dto) throw new Error(`protocol ${row.protocol} was just cancelled and must be known`);
  return dto;
}
