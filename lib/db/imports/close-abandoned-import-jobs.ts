import type { Db } from "../client";

/** The actors of jobs a station process runs itself: uploads (`user:<name>`) and MLLP messages (`mllp:<peer>`). */
const STATION_ACTORS = ["user:", "mllp:"] as const;

/**
 * Closes the import jobs a previous station process left "running" when it died (killed, crashed, power lost): at a
 * single node's start no upload or MLLP message of this station can still be running, so such a job would otherwise
 * say "running" for ever. Each is marked failed with what happened and what to do; its counts stay those of its
 * committed batches. Jobs of the import CLI (another process, which may well be running now) are left alone: nothing
 * here tells a live CLI from a dead one (a multi-node deployment closes dead nodes' jobs through its leader).
 */
export async function closeAbandonedImportJobs({ db, now }: { db: Db; now: Date }): Promise<number> {
  const { count } = await db.importJob.updateMany({
    where: { status: "running", OR: STATION_ACTORS.map((prefix) => ({ actor: { startsWith: prefix } })) },
    data: {
      status: "failed",
      finishedAt: now,
      error:
        "interrupted: the station stopped while this import ran. The batches counted here were committed and are " +
        "kept; run the same import again to complete it (nothing is stored twice).",
    },
  });
  return count;
}
