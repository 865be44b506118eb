import type { TImportJobDto } from "@/lib/imports/import-job";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { toImportJobDto } from "./to-import-job-dto";

export async function getImportJob({ db, jobId }: { db: Db; jobId: string }): Promise<TImportJobDto> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job) throw new AppError("NOT_FOUND", `no import job "${jobId}"`);
  return toImportJobDto(job);
}
