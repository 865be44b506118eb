import type { TEpisodeContext } from "@/lib/observations/validate-reading";
import type { Db } from "../client";

/** What the write path needs to know of an episode, or undefined when there is none with that id. */
export async function findEpisodeContext({
  db,
  episodeId,
}: {
  db: Db;
  episodeId: string;
}): Promise<TEpisodeContext | undefined> {
  const episode = await db.supportEpisode.findUnique({
    where: { id: episodeId },
    select: {
      id: true,
      stayId: true,
      bedId: true,
      deviceType: true,
      startedAt: true,
      endedAt: true,
      bed: { select: { unitId: true } },
    },
  });
  if (!episode) return undefined;
  return {
    id: episode.id,
    stayId: episode.stayId,
    bedId: episode.bedId,
    unitId: episode.bed.unitId,
    // A device type outside the enum would be a corrupted row: fail loudly rather than guess.
    deviceType: episode.deviceType,
    startedAt: episode.startedAt,
    endedAt: episode.endedAt,
  };
}
