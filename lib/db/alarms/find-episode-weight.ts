import type { Db } from "../client";

/** The weight on file of an episode's patient, kg; undefined when none was recorded (per-kg rules then say nothing). */
export async function findEpisodeWeight({ db, episodeId }: { db: Db; episodeId: string }): Promise<number | undefined> {
  const episode = await db.supportEpisode.findUnique({
    where: { id: episodeId },
    select: { patient: { select: { weightKg: true } } },
  });
  return episode?.patient.weightKg ?? undefined;
}
