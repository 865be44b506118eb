import type { THandoverActor } from "./handover-actor";
import type { TReceiveHandover } from "@/lib/handover";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { resolveBedShift } from "./resolve-bed-shift";

/**
 * The incoming nurse confirms the handover with a read-back (I-PASS synthesis by receiver). It must be another
 * person than the one who signed out: a handover to oneself is no handover.
 */
export async function receiveHandover({
  db,
  bedId,
  shiftKey,
  receive,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  shiftKey: string;
  receive: TReceiveHandover;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ sheetId: string }> {
  const { bed, shift, sheet } = await resolveBedShift({ db, bedId, shiftKey, now: now.getTime() });
  if (!sheet || !sheet.signedOutAt || !sheet.signedOutById)
    throw new AppError(
      "CONFLICT",
      "This sheet is not signed out yet: the outgoing nurse signs it first.",
      undefined,
      refusal("handoverNotSignedOut"),
    );
  if (sheet.receivedAt)
    throw new AppError(
      "CONFLICT",
      "This handover has already been received.",
      undefined,
      refusal("handoverAlreadyReceived"),
    );
  if (sheet.signedOutById === actor.userId) {
    throw new AppError(
      "FORBIDDEN",
      "You signed this sheet out: the incoming nurse, another person, must receive it.",
      {
        reason: "same-person",
      },
      refusal("handoverReceiveOwn"),
    );
  }
  await db.$transaction(async (tx) => {
    const updated = await tx.handoverSheet.updateMany({
      where: { id: sheet.id, receivedAt: null },
      data: { status: "received", receivedAt: now, receivedById: actor.userId, readBack: receive.readBack },
    });
    if (updated.count !== 1)
      throw new AppError(
        "CONFLICT",
        "This handover has just been received by someone else.",
        undefined,
        refusal("handoverReceivedMeanwhile"),
      );
    await recordAuditEvent({
      db: tx,
      action: "handover.received",
      actor,
      context,
      target: { type: "handover-sheet", id: sheet.id },
      unitId: bed.unitId,
      details: { bedId, shiftKey: shift.key, signedOutById: sheet.signedOutById, readBack: receive.readBack },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: bed.unitId, bedId, shiftKey: shift.key },
      now,
    });
  });
  announceCommit(db);
  return { sheetId: sheet.id };
}
