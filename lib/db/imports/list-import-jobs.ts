import type { TImportJobDto } from "@/lib/imports/import-job";
import type { Db } from "../client";
import { toImportJobDto } from "./to-import-job-dto";

/** The latest jobs first: the import history. */
export async function listImportJobs({ db, limit = 50 }: { db: Db; limit?: number }): Promise<TImportJobDto[]> {
  const jobs = await db.importJob.findMany({ orderBy: { startedAt: "desc" }, take: Math.min(Math.max(limit, 1), 500) });
  return jobs.map(toImportJobDto);
}
