import { ZChangeEpisodeSettings, type TChangeEpisodeSettings } from "@/lib/stays/stay";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { changeRunningEpisode } from "./change-running-episode";
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
  await changeRunningEpisode({
    db,
    episodeId: c.episodeId,
    actor,
    context,
    now,
    ended: () =>
      new AppError(
        "CONFLICT",
        "This support has ended: its settings are archived.",
        undefined,
        refusal("supportSettingsEnded"),
      ),
    change: async (tx, episode) => {
      const latest = episode.settingChanges[0]?.at ?? episode.startedAt;
      if (at < latest)
        throw new AppError(
          "INVALID_INPUT",
          "at: a settings change cannot be dated before the last one.",
          undefined,
          refusal("settingsBeforeLast", { lastAt: latest }),
        );
      await tx.episodeSettingChange.create({
        data: { episodeId: episode.id, at, byId: actor?.userId ?? null, settings: c.settings },
      });
      await tx.supportEpisode.update({ where: { id: episode.id }, data: { settings: c.settings } });
      return { action: "episode.settings-changed", details: { settings: c.settings, at: at.toISOString() } };
    },
  });
}
