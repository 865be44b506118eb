import { ZEndEpisode, type TEndEpisode } from "@/lib/stays/stay";
import type { TAuditActor, TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { changeRunningEpisode } from "./change-running-episode";
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
  await changeRunningEpisode({
    db,
    episodeId: e.episodeId,
    actor,
    context,
    now,
    ended: () => new AppError("CONFLICT", "This support has already ended.", undefined, refusal("supportAlreadyEnded")),
    change: async (tx, episode) => {
      if (at < episode.startedAt)
        throw new AppError(
          "INVALID_INPUT",
          "endedAt: the end is before the start.",
          undefined,
          refusal("supportEndBeforeStart", { startedAt: episode.startedAt }),
        );
      await tx.supportEpisode.update({
        where: { id: episode.id },
        data: { endedAt: at, endReason: e.reason, endedById: actor?.userId ?? null },
      });
      return { action: "episode.ended", details: { reason: e.reason, endedAt: at.toISOString() } };
    },
  });
}
