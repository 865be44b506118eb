import type { THandoverActor } from "./handover-actor";
import type { TSignOutHandover } from "@/lib/handover";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { computeHandoverData } from "./compute-handover-data";
import { listSheetActions } from "./list-sheet-actions";
import { readPendingProtocolSteps } from "./read-pending-protocol-steps";
import { resolveBedShift } from "./resolve-bed-shift";
import { saveHandoverDraft, staleVersion } from "./save-handover-draft";

/**
 * The outgoing nurse signs the sheet: its final text is saved, the data of the shift up to now, the action list and
 * the protocol steps pending at the signature (read in its transaction: a step signed a moment later is not on it)
 * are frozen into it, and from then on it is immutable (the database refuses changes; amendments carry a reason).
 * Signing before the shift's end is allowed (handovers start a little early); the sheet says up to when its data
 * runs. Two commits, each told to the unit's screens: the final text saved as a draft, then the signature.
 */
export async function signOutHandover({
  db,
  bedId,
  shiftKey,
  signOut,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  shiftKey: string;
  signOut: TSignOutHandover;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ sheetId: string }> {
  const saved = await saveHandoverDraft({ db, bedId, shiftKey, draft: signOut, actor, context, now });
  const { bed, shift, stay, episode } = await resolveBedShift({ db, bedId, shiftKey, now: now.getTime() });
  if (!stay)
    throw new AppError(
      "CONFLICT",
      "No patient in this bed during this shift.",
      undefined,
      refusal("handoverNoPatient"),
    );
  const coversUntil = Math.min(now.getTime(), shift.endsAt);
  const [data, actions] = await Promise.all([
    computeHandoverData({
      db,
      stayId: stay.id,
      episodeId: episode?.id ?? null,
      startsAt: shift.startsAt,
      coversUntil,
      now: now.getTime(),
    }),
    listSheetActions({ db, stayId: stay.id, startsAt: shift.startsAt, coversUntil }),
  ]);
  await db.$transaction(async (tx) => {
    const protocolSteps = await readPendingProtocolSteps({ tx, stayId: stay.id, at: now.getTime() });
    const updated = await tx.handoverSheet.updateMany({
      where: { id: saved.sheetId, version: saved.version, signedOutAt: null },
      data: {
        status: "signed_out",
        generated: { ...data, protocolSteps },
        actions,
        signedOutAt: now,
        signedOutById: actor.userId,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw staleVersion();
    await recordAuditEvent({
      db: tx,
      action: "handover.signed-out",
      actor,
      context,
      target: { type: "handover-sheet", id: saved.sheetId },
      unitId: bed.unitId,
      details: {
        bedId,
        shiftKey: shift.key,
        illnessSeverity: signOut.illnessSeverity,
        suggested: data.severity.suggested,
        coversUntil,
        openActions: actions.filter((a) => !a.doneAt).length,
        pendingProtocolSteps: protocolSteps.steps.length,
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: bed.unitId, bedId, shiftKey: shift.key },
      now,
    });
  });
  announceCommit(db);
  return { sheetId: saved.sheetId };
}
