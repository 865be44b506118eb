import type { TAuditAction } from "@/lib/auth/audit-actions";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

const EPISODE_SELECT = {
  id: true,
  stayId: true,
  bedId: true,
  startedAt: true,
  endedAt: true,
  bed: { select: { unitId: true } },
  settingChanges: { orderBy: { at: "desc" }, take: 1, select: { at: true } },
} satisfies Prisma.SupportEpisodeSelect;

export type TRunningEpisode = Prisma.SupportEpisodeGetPayload<{ select: typeof EPISODE_SELECT }>;

/**
 * The frame the changes to a running support episode share (its settings, its end): the episode is read and must
 * still run, `change` writes what the operation writes and returns the audit's action and details, and the change,
 * its audit and the DocumentChange that tells every screen (stay:changed) commit together.
 */
export async function changeRunningEpisode({
  db,
  episodeId,
  actor,
  context,
  now,
  ended,
  change,
}: {
  db: Db;
  episodeId: string;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now: Date;
  /** The refusal when the episode has ended, in the operation's words. */
  ended: () => AppError;
  change: (
    tx: Prisma.TransactionClient,
    episode: TRunningEpisode,
  ) => Promise<{ action: TAuditAction; details: Prisma.InputJsonObject }>;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const episode = await tx.supportEpisode.findUnique({ where: { id: episodeId }, select: EPISODE_SELECT });
    if (!episode)
      throw new AppError("NOT_FOUND", `No support episode "${episodeId}".`, undefined, refusal("supportNotFound"));
    if (episode.endedAt) throw ended();
    const { action, details } = await change(tx, episode);
    await recordAuditEvent({
      db: tx,
      action,
      actor,
      context,
      target: { type: "support-episode", id: episode.id },
      unitId: episode.bed.unitId,
      details,
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
