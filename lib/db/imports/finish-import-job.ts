import type { Db } from "../client";

/** Closes a job: done, or failed with the reason a person can act on. */
export async function finishImportJob({
  db,
  jobId,
  error,
  finishedAt,
}: {
  db: Db;
  jobId: string;
  error?: string;
  finishedAt: Date;
}): Promise<void> {
  await db.importJob.update({
    where: { id: jobId },
    data: { status: error === undefined ? "done" : "failed", error: error?.slice(0, 2_000) ?? null, finishedAt },
  });
}
