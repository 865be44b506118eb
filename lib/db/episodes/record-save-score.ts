import {
  computeSaveScore,
  type TSaveScore,
  type TSaveScoreInputs,
  type TStoredSaveScore,
} from "@/lib/scores/save-score";
import { findBedEpisode } from "../beds/find-bed-episode";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/**
 * Stores the SAVE score inputs of the active episode of a bed (VA-ECMO only: the score was derived there), replacing
 * earlier ones: a correction is a new recording. The inputs are stored, not the total, which is recomputed on read.
 */
export async function recordSaveScore({
  db,
  bedId,
  inputs,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  inputs: TSaveScoreInputs;
  /** Who recorded it: audited in the same commit. */
  actor: TAuditActor;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ stored: TStoredSaveScore; score: TSaveScore }> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  if (!episode)
    throw new AppError("NOT_FOUND", `Bed "${bedId}" has no patient on support.`, undefined, refusal("scoreNoSupport"));
  if (episode.deviceType !== "VA_ECMO" && episode.deviceType !== "VA_ECMO_IABP") {
    throw new AppError(
      "CONFLICT",
      "The SAVE score applies to VA-ECMO only; this bed's support is an IABP.",
      undefined,
      refusal("saveScoreVaOnly"),
    );
  }
  const stored: TStoredSaveScore = { ...inputs, recordedAt: now.getTime() };
  const score = computeSaveScore(inputs);
  await db.$transaction(async (tx) => {
    await tx.supportEpisode.update({ where: { id: episode.id }, data: { saveScoreInputs: stored } });
    await recordAuditEvent({
      db: tx,
      action: "score.recorded",
      actor,
      context,
      target: { type: "episode", id: episode.id },
      unitId: bed.unitId,
      details: { score: "SAVE", bedId, inputs, total: score.total },
      now,
    });
  });
  return { stored, score };
}
