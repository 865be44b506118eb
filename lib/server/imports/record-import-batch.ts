import type { TImportCounts } from "@/lib/import/import-job";
import type { TImportRejection } from "@/lib/import/import-record";
import type { Db } from "../db/client";

const MAX_TEXT = 1_000;

export interface TRecordImportBatch {
  db: Db;
  jobId: string;
  /** The job's counts after this batch (totals, not increments: a retried call cannot count twice). */
  counts: TImportCounts;
  ignoredCodes: Record<string, number>;
  rejections: readonly TImportRejection[];
}

/** Stores a batch's rejections and the job's new counts together, so the report never disagrees with the counts. */
export async function recordImportBatch({ db, jobId, counts, ignoredCodes, rejections }: TRecordImportBatch): Promise<void> {
  await db.$transaction([
    db.importRejection.createMany({
      data: rejections.map((r) => ({
        jobId,
        location: r.location.slice(0, MAX_TEXT),
        field: r.field.slice(0, 100),
        value: r.value.slice(0, MAX_TEXT),
        code: r.code,
        reason: r.reason.slice(0, MAX_TEXT),
      })),
    }),
    db.importJob.update({ where: { id: jobId }, data: { ...counts, ignoredCodes: JSON.stringify(ignoredCodes) } }),
  ]);
}
