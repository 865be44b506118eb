import type { THandoverActor } from "./handover-actor";
import { randomUUID } from "node:crypto";
import type { TAmendHandover } from "@/lib/handover";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { resolveBedShift } from "./resolve-bed-shift";

/** Corrects a signed sheet: the signed text stays as it was, the amendment (new value, reason, who, when) is added. */
export async function amendHandover({
  db,
  bedId,
  shiftKey,
  amendment,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  shiftKey: string;
  amendment: TAmendHandover;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ amendmentId: string }> {
  const { bed, shift, sheet } = await resolveBedShift({ db, bedId, shiftKey, now: now.getTime() });
  if (!sheet?.signedOutAt)
    throw new AppError(
      "CONFLICT",
      "Only a signed sheet is amended; a draft is simply edited.",
      undefined,
      refusal("handoverAmendUnsigned"),
    );
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.handoverAmendment.create({
      data: {
        id,
        sheetId: sheet.id,
        field: amendment.field,
        value: amendment.value,
        reason: amendment.reason,
        amendedAt: now,
        amendedById: actor.userId,
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "handover.amended",
      actor,
      context,
      target: { type: "handover-sheet", id: sheet.id },
      unitId: bed.unitId,
      details: { bedId, shiftKey: shift.key, field: amendment.field, value: amendment.value, reason: amendment.reason },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: bed.unitId, bedId, shiftKey: shift.key },
      now,
    });
  });
  announceCommit(db);
  return { amendmentId: id };
}
