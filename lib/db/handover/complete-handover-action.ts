import type { THandoverActor } from "./handover-actor";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** Marks an action of a bed's list done: it leaves the following shifts' sheets (those already signed keep it). */
export async function completeHandoverAction({
  db,
  bedId,
  actionId,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  actionId: string;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ actionId: string; doneAt: number }> {
  const action = await db.handoverAction.findUnique({ where: { id: actionId } });
  if (!action || action.bedId !== bedId)
    throw new AppError(
      "NOT_FOUND",
      `No action "${actionId}" on this bed's list.`,
      undefined,
      refusal("handoverActionNotFound"),
    );
  if (action.doneAt)
    throw new AppError("CONFLICT", "This action is already marked done.", undefined, refusal("handoverActionDone"));
  await db.$transaction(async (tx) => {
    const updated = await tx.handoverAction.updateMany({
      where: { id: actionId, doneAt: null },
      data: { doneAt: now, doneById: actor.userId },
    });
    if (updated.count !== 1)
      throw new AppError(
        "CONFLICT",
        "This action has just been marked done by someone else.",
        undefined,
        refusal("handoverActionDoneMeanwhile"),
      );
    await recordAuditEvent({
      db: tx,
      action: "handover.action-done",
      actor,
      context,
      target: { type: "handover-action", id: actionId },
      unitId: action.unitId,
      details: { bedId, text: action.text },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: action.unitId, bedId, shiftKey: null },
      now,
    });
  });
  announceCommit(db);
  return { actionId, doneAt: now.getTime() };
}
