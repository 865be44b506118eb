import {
  fourTsInputs,
  fourTsSources,
  scoreFourTs,
  type TFourTsAnswers,
  type TStoredFourTs,
} from "@/lib/scores/four-ts-record";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { findBedEpisode } from "../beds/find-bed-episode";
import { toSeq } from "../seq";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { keepCurrentResults } from "../observations/current-result-sql";
import { toStoredFourTs } from "./list-four-ts";

/**
 * Records a 4Ts screen with the bed's active episode: the clinician's four answers, and what the stored platelet
 * counts say at this moment, computed here from the database rather than taken from the browser (the inputs a later
 * reader sees are the ones the server knew). The row and its audit event commit together.
 */
export async function recordFourTs({
  db,
  bedId,
  answers,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  answers: TFourTsAnswers;
  /** Who recorded it (a signed-in clinician: `userId` is set). */
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TStoredFourTs> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  if (!episode)
    throw new AppError(
      "NOT_FOUND",
      `Bed "${bedId}" has no patient on support: there is no episode to record a 4Ts screen with.`,
      undefined,
      refusal("scoreNoSupport"),
    );
  // Current platelet counts only: a corrected or cancelled count is not the patient's (current-result-sql.ts).
  const counts = keepCurrentResults(
    (
      await db.observation.findMany({
        // The episode's counts, found through the stay's index (the 4Ts prefill counts from the episode's start).
        where: { stayId: episode.stayId, episodeId: episode.id, parameter: "platelets", observedAt: { lte: now } },
        select: { observedAt: true, value: true, seq: true, resultKey: true, resultStatus: true },
        orderBy: { observedAt: "asc" },
      })
    ).map((c) => ({ ...c, seq: toSeq(c.seq) })),
  );
  const inputs = fourTsInputs(
    counts.map((c) => ({ t: c.observedAt.getTime(), v: c.value })),
    episode.startedAt.getTime(),
  );
  const sources = fourTsSources(answers, inputs.prefill);
  const { total, probability } = scoreFourTs(answers);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.fourTsScreen.create({
      data: {
        episodeId: episode.id,
        recordedAt: now,
        recordedById: actor.userId,
        answers,
        inputs,
        sources,
        total,
        probability,
      },
      include: { recordedBy: { select: { id: true, displayName: true } } },
    });
    await recordAuditEvent({
      db: tx,
      action: "score.recorded",
      actor,
      context,
      target: { type: "episode", id: episode.id },
      unitId: bed.unitId,
      details: { score: "4Ts", bedId, screenId: created.id, answers, sources, total, probability },
      now,
    });
    return created;
  });
  return toStoredFourTs(row);
}
