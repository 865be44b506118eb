import type { TAuditAction } from "@/lib/auth/audit-actions";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { PLAN_SELECT, toPlanDto } from "./protocol-rows";

export type TPlanActor = TAuditActor & { userId: string };

/**
 * The frame every change to a running plan shares (signing a step, cancelling): the plan of this bed is read, must
 * still be running, `change` writes what the operation writes and returns the audit's action and details, and the
 * change, its audit and the DocumentChange that tells every screen commit together. The plan as it then stands is
 * returned.
 */
export async function changeRunningPlan({
  db,
  bedId,
  timerId,
  actor,
  context,
  now,
  notRunning,
  change,
}: {
  db: Db;
  bedId: string;
  timerId: string;
  actor: TPlanActor;
  context: TRequestContext | null;
  now: Date;
  /** The refusal when the plan has ended, in the operation's words. */
  notRunning: (status: string) => AppError;
  change: (
    tx: Prisma.TransactionClient,
    plan: TProtocolPlanDto,
  ) => Promise<{ action: TAuditAction; details: Prisma.InputJsonObject }>;
}): Promise<TProtocolPlanDto> {
  const row = await db.$transaction(async (tx) => {
    const plan = await findBedPlan(tx, bedId, timerId);
    if (plan.status !== "active") throw notRunning(plan.status);
    const { action, details } = await change(tx, plan);
    await recordAuditEvent({
      db: tx,
      action,
      actor,
      context,
      target: { type: "protocol-timer", id: timerId },
      unitId: plan.unitId,
      details: { bedId, protocol: plan.protocol, ...details },
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
  if (!dto) throw new Error(`protocol ${row.protocol} was just changed and must be known`);
  return dto;
}

/** The plan of this bed, as the screens read it; a plan of another bed is not found, one of an unknown protocol refused. */
export async function findBedPlan(
  db: Pick<Db, "protocolTimer">,
  bedId: string,
  timerId: string,
): Promise<TProtocolPlanDto> {
  const row = await db.protocolTimer.findUnique({ where: { id: timerId }, select: PLAN_SELECT });
  if (!row || row.bedId !== bedId)
    throw new AppError("NOT_FOUND", "No such protocol timer on this bed.", undefined, refusal("protocolNotFound"));
  const plan = toPlanDto(row);
  if (!plan)
    throw new AppError(
      "CONFLICT",
      "This protocol is not known to this version of the station.",
      undefined,
      refusal("protocolUnknown"),
    );
  return plan;
}
