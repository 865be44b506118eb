import type { TImportCounts } from "@/lib/imports/import-job";
import type { TImportRejection } from "@/lib/imports/import-record";
import { dialectOf, type Db } from "../client";
import { preparedStatement, writeInTransaction } from "../prisma-connection";

const MAX_TEXT = 1_000;

export interface TRecordImportBatch {
  db: Db;
  jobId: string;
  /** The job's counts after this batch (totals, not increments: a retried call cannot count twice). */
  counts: TImportCounts;
  ignoredCodes: Record<string, number>;
  rejections: readonly TImportRejection[];
}

/**
 * Stores a batch's rejections and the job's new counts together, so the report never disagrees with the counts. Once
 * per batch of an import, so through statements prepared on the shared connection rather than Prisma queries.
 */
export async function recordImportBatch({
  db,
  jobId,
  counts,
  ignoredCodes,
  rejections,
}: TRecordImportBatch): Promise<void> {
  if (dialectOf(db) === "postgres") return recordImportBatchPg({ db, jobId, counts, ignoredCodes, rejections });
  const insertRejection = preparedStatement<[string, string, string, string, string, string]>(
    db,
    `INSERT INTO "ImportRejection" ("jobId","location","field","value","code","reason") VALUES (?,?,?,?,?,?)`,
  );
  const updateJob = preparedStatement<[number, number, number, number, number, number, string, string]>(
    db,
    `UPDATE "ImportJob" SET "processed" = ?, "accepted" = ?, "rejected" = ?, "duplicate" = ?, "ignored" = ?, "corrected" = ?, "ignoredCodes" = ? WHERE "id" = ?`,
  );
  await writeInTransaction(db, () => {
    for (const r of rejections) {
      insertRejection.run(
        jobId,
        r.location.slice(0, MAX_TEXT),
        r.field.slice(0, 100),
        r.value.slice(0, MAX_TEXT),
        r.code,
        r.reason.slice(0, MAX_TEXT),
      );
    }
    const { processed, accepted, rejected, duplicate, ignored, corrected } = counts;
    // A Json column holds JSON text: written here as Prisma writes it, read back through Prisma as an object.
    const { changes } = updateJob.run(
      processed,
      accepted,
      rejected,
      duplicate,
      ignored,
      corrected,
      JSON.stringify(ignoredCodes),
      jobId,
    );
    // Thrown inside the transaction, so the rejections above are rolled back with it.
    if (changes !== 1) throw new Error(`import job ${jobId} does not exist`);
  });
}

/** PostgreSQL: the same two writes through Prisma in one transaction (once per batch: Prisma's cost is small here). */
async function recordImportBatchPg({ db, jobId, counts, ignoredCodes, rejections }: TRecordImportBatch): Promise<void> {
  const { processed, accepted, rejected, duplicate, ignored, corrected } = counts;
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
    // update, not updateMany: a job that does not exist throws, and the rejections are rolled back with it.
    db.importJob.update({
      where: { id: jobId },
      data: { processed, accepted, rejected, duplicate, ignored, corrected, ignoredCodes },
    }),
  ]);
}
