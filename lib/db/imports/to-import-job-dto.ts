import { ZImportJobDto, type TImportJobDto } from "@/lib/imports/import-job";
import type { ImportJob } from "../generated/client";

/** A stored job as the API answers it; parsed, so that a row the code no longer understands fails loudly. */
export function toImportJobDto(job: ImportJob): TImportJobDto {
  return ZImportJobDto.parse({
    ...job,
    startedAt: job.startedAt.getTime(),
    finishedAt: job.finishedAt?.getTime() ?? null,
  });
}
