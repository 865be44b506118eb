import type { THandoverActor } from "./handover-actor";
import { randomUUID } from "node:crypto";
import { findBedEpisode } from "../beds/find-bed-episode";
import { findBedStay } from "../beds/find-bed-stay";
import { recordAuditEvent, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** Adds an item to the action list of the bed's current patient; it stays on every sheet until done. */
export async function addHandoverAction({
  db,
  bedId,
  text,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  text: string;
  actor: THandoverActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ actionId: string }> {
  // The bed's patient, support or none: an action written after the balloon's removal carries over like any other.
  const [{ bed, episode }, stay] = await Promise.all([findBedEpisode({ db, bedId }), findBedStay({ db, bedId })]);
  if (!stay)
    throw new AppError(
      "CONFLICT",
      `Bed ${bed.label} has no patient: there is no action list.`,
      undefined,
      refusal("handoverNoActionList", { bed: bed.label }),
    );
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.handoverAction.create({
      data: {
        id,
        unitId: bed.unitId,
        bedId,
        stayId: stay.id,
        episodeId: episode?.id ?? null,
        text,
        createdAt: now,
        createdById: actor.userId,
      },
    });
    await recordAuditEvent({
      db: tx,
      action: "handover.action-added",
      actor,
      context,
      target: { type: "handover-action", id },
      unitId: bed.unitId,
      details: { bedId, text },
      now,
    });
    // The action list belongs to the patient, not to one shift: every sheet of the bed shows it.
    await recordDocumentChange({
      db: tx,
      change: { type: "handover:changed", unitId: bed.unitId, bedId, shiftKey: null },
      now,
    });
  });
  announceCommit(db);
  return { actionId: id };
}
