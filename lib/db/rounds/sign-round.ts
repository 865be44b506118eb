import type { TReadingInput } from "@/lib/observations/reading";
import { checkRoundAnswers, itemsAsked } from "@/lib/rounds/answers";
import type { TRoundDto, TSignRoundInput } from "@/lib/rounds/round-dtos";
import { frequenciesOf } from "@/lib/rounds/template";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { findBedEpisode } from "../beds/find-bed-episode";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";
import { loadEpisodeRounds } from "./load-episode-rounds";
import { TEMPLATE_INCLUDE, toTemplateDto } from "./round-template-rows";
import { episodeContextOf, roundReadings } from "./round-readings";
import { ROUND_INCLUDE, toRoundDto } from "./round-rows";
import { syncRoundAlarms } from "./sync-round-alarms";

export interface TSignedRound {
  /** "duplicate": the tablet retried a submission already stored; nothing new was written. */
  status: "stored" | "duplicate";
  round: TRoundDto;
  unitId: string;
  /** The round's numbers as observations, for the server's write path (idempotent: a retry adds nothing). */
  readings: TReadingInput[];
}

/**
 * Signs a round: every asked item answered (abnormal ones with a comment), signed by the signed-in nurse at the
 * server's time, stored with its answers and audited in one commit. The round's id comes from the tablet, so a
 * retried submission (the answer lost with the network) finds its round and stores nothing twice.
 */
export async function signRound({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  input: TSignRoundInput;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TSignedRound> {
  const existing = await findStored(db, input);
  if (existing) return existing;

  const { bed, episode } = await findBedEpisode({ db, bedId: input.bedId });
  if (!episode) throw new AppError("CONFLICT", `Bed ${bed.label} has no patient on support: the round cannot be signed.`);
  if (episode.id !== input.episodeId) throw new AppError("CONFLICT", `This round was opened for another patient of bed ${bed.label}: discard it and open a new round.`);
  const templateRow = await db.roundTemplate.findUnique({ where: { id: input.templateId }, include: TEMPLATE_INCLUDE });
  if (!templateRow || templateRow.deviceType !== episode.deviceType) {
    throw new AppError("CONFLICT", `Checklist "${input.templateId}" is not one for this bed's ${episode.deviceType}: reopen the round.`);
  }
  const template = toTemplateDto(templateRow);
  const unknown = input.frequencies.filter((f) => !frequenciesOf(template.items).includes(f));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", `frequencies: this checklist has no ${unknown.join(", ")} items`);

  const asked = itemsAsked(template.items, input.frequencies);
  const check = checkRoundAnswers(asked, input.answers);
  if (!check.ok) {
    throw new AppError("INVALID_INPUT", `The round is not complete. ${check.issues.map((i) => i.message).join("; ")}.`, {
      issues: check.issues.map((i) => ({ field: `answers.${i.itemId}`, message: i.message, code: i.code })),
    });
  }
  const readings = roundReadings({ items: template.items, answers: check.answers, episode: episodeContextOf(episode, bed.unitId), sourceRefOf: (itemId) => `${input.roundId}/${itemId}`, observedAt: now, now });

  const shifts = await getUnitShiftPattern({ db, unitId: bed.unitId });
  const before = await loadEpisodeRounds({ db, episode, shifts, now: now.getTime() });
  const abnormal = check.answers.filter((a) => a.abnormal);
  try {
    await db.$transaction(async (tx) => {
      await tx.round.create({
        data: {
          id: input.roundId,
          unitId: bed.unitId,
          bedId: bed.id,
          episodeId: episode.id,
          templateId: template.id,
          // The contract: null for the episode's first round.
          dueAt: before.lastRound && before.schedule ? new Date(before.schedule.dueAt) : null,
          startedAt: input.startedAt !== undefined ? new Date(input.startedAt) : null,
          signedAt: now,
          signedById: actor.userId,
          frequencies: input.frequencies,
          abnormalCount: abnormal.length,
        },
      });
      await tx.roundAnswer.createMany({ data: check.answers.map((a) => ({ roundId: input.roundId, ...a })) });
      // The finding's alarm commits with the round or not at all.
      await syncRoundAlarms({ db: tx, episodeId: episode.id, roundId: input.roundId, items: template.items, answers: check.answers, actor, context, now });
      await recordAuditEvent({
        db: tx,
        action: "round.signed",
        actor,
        context,
        target: { type: "round", id: input.roundId },
        unitId: bed.unitId,
        details: { bedId: bed.id, episodeId: episode.id, templateId: template.id, version: template.version, frequencies: input.frequencies, answers: check.answers.length, abnormal: abnormal.map((a) => a.itemId) },
        now,
      });
    });
  } catch (error) {
    // Two submissions of one round at once: the second finds the first's row.
    const raced = await findStored(db, input);
    if (raced) return raced;
    throw error;
  }
  const round = toRoundDto(await db.round.findUniqueOrThrow({ where: { id: input.roundId }, include: ROUND_INCLUDE }));
  return { status: "stored", round, unitId: bed.unitId, readings };
}

/** A round already stored under this id: the same bed's is a retry; another bed's is a client fault. */
async function findStored(db: Db, input: TSignRoundInput): Promise<TSignedRound | null> {
  const row = await db.round.findUnique({ where: { id: input.roundId }, include: { ...ROUND_INCLUDE, episode: true, template: { include: TEMPLATE_INCLUDE } } });
  if (!row) return null;
  if (row.bedId !== input.bedId) throw new AppError("CONFLICT", `Round ${input.roundId} belongs to another bed: open a new round.`);
  const round = toRoundDto(row);
  const template = toTemplateDto(row.template);
  // The retry may follow a failure between the round's commit and its observations': hand them over again (the
  // write path stores each once).
  let readings: TReadingInput[] = [];
  try {
    readings = roundReadings({
    items: template.items,
    answers: row.answers.map((a) => ({ itemId: a.itemId, value: a.value, numberValue: a.numberValue, abnormal: a.abnormal, comment: a.comment })),
    episode: episodeContextOf(row.episode, row.unitId),
    sourceRefOf: (itemId) => `${row.id}/${itemId}`,
    observedAt: row.signedAt,
    now: new Date(),
  });
  } catch {
    // The episode has ended since, say: the round stands; its numbers were handed over at the first submission.
  }
  return { status: "duplicate", round, unitId: row.unitId, readings };
}
