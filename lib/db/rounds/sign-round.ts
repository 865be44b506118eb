import { checkRoundAnswers, itemsAsked } from "@/lib/rounds/answers";
import type { TRoundDto, TSignRoundInput } from "@/lib/rounds/round-dtos";
import { frequenciesOf } from "@/lib/rounds/template";
import { appendAlarmEvent } from "../alarms/append-alarm-event";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { findBedEpisode } from "../beds/find-bed-episode";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { insertObservationsInTransaction } from "../observations/insert-observations-in-transaction";
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
}

/**
 * Signs a round: every asked item answered (abnormal ones with a comment), signed by the signed-in nurse at the
 * server's time, stored with its answers, its numbers (urine output, bedside NIRS… as observations), its findings'
 * alarms, its audit and its DocumentChange in one commit: a signed round never lacks its numbers, and the change feed
 * tells the screens of all of it. The round's id comes from the tablet, so a retried submission (the answer lost with
 * the network) finds its round and stores nothing twice.
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
  if (!episode)
    throw new AppError(
      "CONFLICT",
      `Bed ${bed.label} has no patient on support: the round cannot be signed.`,
      undefined,
      refusal("roundSignNoPatient", { bed: bed.label }),
    );
  if (episode.id !== input.episodeId)
    throw new AppError(
      "CONFLICT",
      `This round was opened for another patient of bed ${bed.label}: discard it and open a new round.`,
      undefined,
      refusal("roundOtherPatient", { bed: bed.label }),
    );
  const templateRow = await db.roundTemplate.findUnique({ where: { id: input.templateId }, include: TEMPLATE_INCLUDE });
  if (!templateRow || templateRow.deviceType !== episode.deviceType) {
    throw new AppError(
      "CONFLICT",
      `Checklist "${input.templateId}" is not one for this bed's ${episode.deviceType}: reopen the round.`,
      undefined,
      refusal("roundChecklistMismatch", { device: episode.deviceType }),
    );
  }
  const template = toTemplateDto(templateRow);
  const unknown = input.frequencies.filter((f) => !frequenciesOf(template.items).includes(f));
  if (unknown.length > 0)
    throw new AppError("INVALID_INPUT", `frequencies: this checklist has no ${unknown.join(", ")} items`);

  const asked = itemsAsked(template.items, input.frequencies);
  const check = checkRoundAnswers(asked, input.answers);
  if (!check.ok) {
    throw new AppError(
      "INVALID_INPUT",
      `The round is not complete. ${check.issues.map((i) => i.message).join("; ")}.`,
      {
        issues: check.issues.map((i) => ({ field: `answers.${i.itemId}`, message: i.message, code: i.code })),
      },
      refusal("roundIncomplete"),
    );
  }
  const readings = roundReadings({
    items: template.items,
    answers: check.answers,
    episode: episodeContextOf(episode, bed.unitId),
    sourceRefOf: (itemId) => `${input.roundId}/${itemId}`,
    observedAt: now,
    now,
  });

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
      // The findings' alarms commit with the round or not at all. Their rows before the readings and the alarms'
      // events: the readings' INSERT takes the log-order lock, and holding it the round must not wait for an alarm
      // row a nurse acknowledging it holds while waiting for that lock (docs/deployment-database.md, "Lock order").
      const alarmEvents = await syncRoundAlarms({
        db: tx,
        episodeId: episode.id,
        roundId: input.roundId,
        items: template.items,
        answers: check.answers,
        actor,
        context,
        now,
      });
      // On the transaction's own connection, so that they commit with the round (a reading already stored is skipped).
      await insertObservationsInTransaction({ db, tx, readings, receivedAt: now });
      for (const event of alarmEvents) await appendAlarmEvent(event);
      await recordAuditEvent({
        db: tx,
        action: "round.signed",
        actor,
        context,
        target: { type: "round", id: input.roundId },
        unitId: bed.unitId,
        details: {
          bedId: bed.id,
          episodeId: episode.id,
          templateId: template.id,
          version: template.version,
          frequencies: input.frequencies,
          answers: check.answers.length,
          abnormal: abnormal.map((a) => a.itemId),
        },
        now,
      });
      await recordDocumentChange({
        db: tx,
        change: { type: "round:signed", unitId: bed.unitId, bedId: bed.id, roundId: input.roundId },
        now,
      });
    });
  } catch (error) {
    // Two submissions of one round at once: the second finds the first's row.
    const raced = await findStored(db, input);
    if (raced) return raced;
    throw error;
  }
  announceCommit(db);
  const round = toRoundDto(await db.round.findUniqueOrThrow({ where: { id: input.roundId }, include: ROUND_INCLUDE }));
  return { status: "stored", round, unitId: bed.unitId };
}

/** A round already stored under this id: the same bed's is a retry (its numbers committed with it); another bed's is a client fault. */
async function findStored(db: Db, input: TSignRoundInput): Promise<TSignedRound | null> {
  const row = await db.round.findUnique({ where: { id: input.roundId }, include: ROUND_INCLUDE });
  if (!row) return null;
  if (row.bedId !== input.bedId)
    throw new AppError(
      "CONFLICT",
      `Round ${input.roundId} belongs to another bed: open a new round.`,
      undefined,
      refusal("roundOtherBed"),
    );
  return { status: "duplicate", round: toRoundDto(row), unitId: row.unitId };
}
