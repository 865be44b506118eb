import type { THandoverActor } from "./handover-actor";
import { randomUUID } from "node:crypto";
import type { TSaveHandoverDraft } from "@/lib/handover";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { resolveBedShift } from "./resolve-bed-shift";

export interface TSaveHandoverDraftOptions {
  db: Db;
  bedId: string;
  shiftKey: string;
  draft: TSaveHandoverDraft;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}

/**
 * Saves the written part of a sheet that is not signed yet, starting it if needed. The save names the version it
 * was based on: when someone saved in between, it is refused (CONFLICT) rather than overwriting their text. The
 * unit's handover screens are told through the change feed (a DocumentChange in the same commit).
 */
export async function saveHandoverDraft({
  db,
  bedId,
  shiftKey,
  draft,
  actor,
  context,
  now = new Date(),
}: TSaveHandoverDraftOptions): Promise<{ sheetId: string; version: number }> {
  const { bed, shift, stay, episode, sheet } = await resolveBedShift({ db, bedId, shiftKey, now: now.getTime() });
  if (!stay)
    throw new AppError(
      "CONFLICT",
      `Bed ${bed.label} had no patient during this shift: there is no handover to write.`,
      undefined,
      refusal("handoverNoPatientDuringShift", { bed: bed.label }),
    );
  if (sheet?.signedOutAt)
    throw new AppError(
      "CONFLICT",
      "This sheet is signed: it can no longer be edited. Amend it with a reason instead.",
      undefined,
      refusal("handoverSigned"),
    );
  const { version, ...content } = draft;
  const fields = {
    illnessSeverity: content.illnessSeverity,
    situation: content.situation,
    contingencies: content.contingencies,
    notes: content.notes,
    updatedAt: now,
    updatedById: actor.userId,
  };
  const saved = await db.$transaction(async (tx) => {
    let result: { sheetId: string; version: number };
    if (!sheet) {
      if (version !== 0) throw staleVersion();
      const id = randomUUID();
      await tx.handoverSheet.create({
        data: {
          id,
          unitId: bed.unitId,
          bedId,
          stayId: stay.id,
          episodeId: episode?.id ?? null,
          shiftKey: shift.key,
          shiftStart: new Date(shift.startsAt),
          shiftEnd: new Date(shift.endsAt),
          status: "draft",
          createdAt: now,
          createdById: actor.userId,
          ...fields,
        },
      });
      result = { sheetId: id, version: 1 };
    } else {
      const updated = await tx.handoverSheet.updateMany({
        where: { id: sheet.id, version, signedOutAt: null },
        // The support of the shift as it now stands (a cannulation since the last save).
        data: { ...fields, episodeId: episode?.id ?? null, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw staleVersion();
      result = { sheetId: sheet.id, version: version + 1 };
    }
    await recordAuditEvent({
      db: tx,
      action: "handover.drafted",
      actor,
      context,
      target: { type: "handover-sheet", id: result.sheetId },
      unitId: bed.unitId,
      details: { bedId, shiftKey: shift.key, version: result.version },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: bed.unitId, bedId, shiftKey: shift.key },
      now,
    });
    return result;
  });
  announceCommit(db);
  return saved;
}

export function staleVersion(): AppError {
  return new AppError(
    "CONFLICT",
    "Someone else saved this sheet since you opened it. Reload it, then make your change again.",
    { reason: "stale-version" },
    refusal("handoverStale"),
  );
}
