import { ZChangeEpisodeSettings, type TChangeEpisodeSettings } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refuseFuture } from "./refuse-future";

/**
 * Records a change of a running episode's device settings: a row of the settings history (who, when, what) and the
 * episode's settings in force, in one transaction with the audit event and the DocumentChange. Refused: unknown or
 * ended episode, a time before the episode's start or before its latest recorded change (the history stays in order).
 */
export async function changeEpisodeSettings({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  input: TChangeEpisodeSettings;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<void> {
  const c = ZChangeEpisodeSettings.parse(input);
  const at = refuseFuture(c.at, now, "at");
  await db.$transaction(async (tx) => {
    const episode = await tx.supportEpisode.findUnique({
      where: { id: c.episodeId },
      select: {
        id: true,
        stayId: true,
        bedId: true,
        startedAt: true,
        endedAt: true,
        bed: { select: { unitId: true } },
        settingChanges: { orderBy: { at: "desc" }, take: 1, select: { at: true } },
      },
    });
    if (!episode) throw new AppError("NOT_FOUND", `No support episode "${c.episodeId}".`);
    if (episode.endedAt) throw new AppError("CONFLICT", "This support has ended: its settings are archived.");
    const latest = episode.settingChanges[0]?.at ?? episode.startedAt;
    if (at < latest) throw new AppError("INVALID_INPUT", "at: a settings change cannot be dated before the last one.");
    await tx.episodeSettingChange.create({
      data: { episodeId: episode.id, at, byId: actor?.userId ?? null, settings: c.settings },
    });
    await tx.supportEpisode.update({ where: { id: episode.id }, data: { settings: c.settings } });
    await recordAuditEvent({
      db: tx,
      action: "episode.settings-changed",
      actor,
      context,
      target: { type: "support-episode", id: episode.id },
      unitId: episode.bed.unitId,
      details: { settings: c.settings, at: at.toISOString() },
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
