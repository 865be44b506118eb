import type { TBedProtocols, TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { protocolsFor } from "@/lib/protocols/protocols";
import type { Db } from "../client";
import { findBedEpisode } from "../beds/find-bed-episode";
import { PLAN_SELECT, toPlanDto } from "./protocol-rows";

/** Plans that ended (completed, cancelled) stay on the bed's panel this long, so the next shift reads what was done. */
const ENDED_SHOWN_MS = 24 * 3_600_000;

/**
 * A bed's protocol panel: the plans of the stay in the bed (whatever the episode: the steps after balloon removal run
 * on the ended IABP episode; a move carries them, lib/db/stays/move-stay.ts), those ended in the last day, and the
 * protocols the bed's patient may be started on.
 */
export async function getBedProtocols({
  db,
  bedId,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  now?: Date;
}): Promise<TBedProtocols> {
  const { episode } = await findBedEpisode({ db, bedId });
  const rows = await db.protocolTimer.findMany({
    where: {
      // The patient in the bed now: a discharged patient's plans (ended or not) never show on the next one's panel.
      bedId,
      episode: { stay: { openBedKey: bedId } },
      OR: [{ status: "active" }, { endedAt: { gte: new Date(now.getTime() - ENDED_SHOWN_MS) } }],
    },
    orderBy: { startedAt: "asc" },
    select: PLAN_SELECT,
  });
  const plans = rows.map(toPlanDto).filter((p): p is TProtocolPlanDto => p !== null);
  const running = new Set(
    plans.filter((p) => p.status === "active" && p.episodeId === episode?.id).map((p) => p.protocol),
  );
  return {
    bedId,
    serverTime: now.getTime(),
    episode: episode ? { id: episode.id, deviceType: episode.deviceType } : null,
    startable: episode
      ? protocolsFor(episode.deviceType)
          .map((p) => p.id)
          .filter((id) => !running.has(id))
      : [],
    plans,
  };
}
