import { randomUUID } from "node:crypto";
import { checkAnswer } from "@/lib/rounds/answers";
import type { TAmendRoundInput, TRoundDto } from "@/lib/rounds/round-dtos";
import { appendAlarmEvent, type TAppendAlarmEvent } from "../alarms/append-alarm-event";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { insertObservationsInTransaction } from "../observations/insert-observations-in-transaction";
import { TEMPLATE_INCLUDE, toTemplateDto } from "./round-template-rows";
import { episodeContextOf, roundReadings } from "./round-readings";
import { ROUND_INCLUDE, toRoundDto } from "./round-rows";
import { syncRoundAlarms } from "./sync-round-alarms";

export interface TAmendedRound {
  round: TRoundDto;
  amendmentId: string;
  unitId: string;
  bedId: string;
}

/**
 * Corrects one answer of a signed round: the signed answer stays as it was, the correction is a new row with its
 * reason, author and time, audited in the same commit (previous and new answer). A corrected number becomes a new
 * observation at the round's time, beside the first one, as a corrected lab result does, in that same commit too,
 * with the DocumentChange by which the change feed tells the screens.
 */
export async function amendRoundAnswer({
  db,
  roundId,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  roundId: string;
  input: TAmendRoundInput;
  actor: TAuditActor & { userId: string };
  context: TRequestContext | null;
  now?: Date;
}): Promise<TAmendedRound> {
  const row = await db.round.findUnique({
    where: { id: roundId },
    include: { ...ROUND_INCLUDE, episode: true, template: { include: TEMPLATE_INCLUDE } },
  });
  if (!row) throw new AppError("NOT_FOUND", `No round "${roundId}".`, undefined, refusal("roundNotFound"));
  const template = toTemplateDto(row.template);
  const item = template.items.find((i) => i.itemId === input.itemId);
  if (!item)
    throw new AppError(
      "INVALID_INPUT",
      `itemId: "${input.itemId}" is not an item of this round's checklist (version ${template.version})`,
      { issues: [{ field: "itemId", message: "not an item of this checklist" }] },
      refusal("roundItemUnknown"),
    );
  const checked = checkAnswer(item, { itemId: input.itemId, value: input.value, comment: input.comment });
  if ("code" in checked)
    throw new AppError("INVALID_INPUT", checked.message, {
      issues: [{ field: checked.code === "COMMENT_REQUIRED" ? "comment" : "value", message: checked.message }],
    });

  const before = toRoundDto(row).answers.find((a) => a.itemId === input.itemId) ?? null;
  if (before && before.value === checked.value && before.comment === checked.comment) {
    throw new AppError(
      "INVALID_INPUT",
      "The corrected answer is the same as the one in force: nothing to amend.",
      {
        issues: [{ field: "value", message: "unchanged" }],
      },
      refusal("roundAmendUnchanged"),
    );
  }
  const amendmentId = randomUUID();
  const readings = roundReadings({
    items: template.items,
    answers: [checked],
    episode: episodeContextOf(row.episode, row.unitId),
    sourceRefOf: (itemId) => `${roundId}/${itemId}/${amendmentId}`,
    observedAt: row.signedAt,
    now,
  });
  await db.$transaction(async (tx) => {
    await tx.roundAmendment.create({
      data: { id: amendmentId, roundId, ...checked, reason: input.reason, amendedAt: now, amendedById: actor.userId },
    });
    // The bed's alarm follows the item's newest answer: only a correction of the latest round to ask it moves it.
    const newest = await tx.round.findFirst({
      where: { episodeId: row.episodeId, answers: { some: { itemId: input.itemId } } },
      orderBy: { signedAt: "desc" },
      select: { id: true },
    });
    // Its row before the readings and its event: the readings' INSERT takes the log-order lock, and holding it the
    // amendment must not wait for the alarm's row, which a nurse acknowledging it holds while waiting for that lock
    // (docs/deployment-database.md, "Lock order").
    let alarmEvents: TAppendAlarmEvent[] = [];
    if (newest?.id === roundId && row.episode.endedAt === null) {
      alarmEvents = await syncRoundAlarms({
        db: tx,
        episodeId: row.episodeId,
        roundId,
        items: template.items,
        answers: [checked],
        actor,
        context,
        correction: true,
        now,
      });
    }
    await insertObservationsInTransaction({ db, tx, readings, receivedAt: now });
    for (const event of alarmEvents) await appendAlarmEvent(event);
    await recordAuditEvent({
      db: tx,
      action: "round.amended",
      actor,
      context,
      target: { type: "round", id: roundId },
      unitId: row.unitId,
      details: {
        bedId: row.bedId,
        amendmentId,
        itemId: input.itemId,
        reason: input.reason,
        previous: before ? { value: before.value, abnormal: before.abnormal, comment: before.comment } : null,
        value: checked.value,
        abnormal: checked.abnormal,
        comment: checked.comment,
      },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "round:amended", unitId: row.unitId, bedId: row.bedId, roundId },
      now,
    });
  });
  announceCommit(db);
  const round = toRoundDto(await db.round.findUniqueOrThrow({ where: { id: roundId }, include: ROUND_INCLUDE }));
  return { round, amendmentId, unitId: row.unitId, bedId: row.bedId };
}
