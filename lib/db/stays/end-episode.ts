import { ZEndEpisode, type TEndEpisode } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refuseFuture } from "./refuse-future";

/**
 * Ends a running support episode with its reason; the stay goes on (the patient stays in the bed). One transaction
 * with the audit event and the DocumentChange. The alarm engine stops judging the episode (it follows running
 * episodes only) and ends its open alarms (lib/db/alarms/end-alarms-of-ended-episodes.ts). Refused: unknown or
 * already ended episode, an end before the start or in the future.
 */
export async function endEpisode({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  input: TEndEpisode;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<void> {
  const e = ZEndEpisode.parse(input);
  const at = refuseFuture(e.endedAt, now, "endedAt");
  await db.$transaction(async (tx) => {
    const episode = await tx.supportEpisode.findUnique({
      where: { id: e.episodeId },
      select: {
        id: true,
        stayId: true,
        bedId: true,
        startedAt: true,
        endedAt: true,
        bed: { select: { unitId: true } },
      },
    });
    if (!episode) throw new AppError("NOT_FOUND", `No support episode "${e.episodeId}".`);
    if (episode.endedAt) throw new AppError("CONFLICT", "This support has already ended.");
    if (at < episode.startedAt) throw new AppError("INVALID_INPUT", "endedAt: the end is before the start.");
    await tx.supportEpisode.update({
      where: { id: episode.id },
      data: { endedAt: at, endReason: e.reason, endedById: actor?.userId ?? null },
    });
    await recordAuditEvent({
      db: tx,
      action: "episode.ended",
      actor,
      context,
      target: { type: "support-episode", id: episode.id },
      unitId: episode.bed.unitId,
      details: { reason: e.reason, endedAt: at.toISOString() },
      now,
    });
    await recordDocumentChange({
      db: tx,
      change: { type: "stay:changed", unitId: episode.bed.unitId, bedId: episode.bedId, stayId: episode.stayId },
      now,
    });
  });
  announceCommit(db);
}
