import { parseImportActor } from "@/lib/imports/import-actor";
import { ZImportJobDto, type TImportJobDto } from "@/lib/imports/import-job";
import type { ImportJob } from "../generated/client";

/**
 * A stored job as the API answers it; parsed, so that a row the code no longer understands fails loudly. A person is
 * named by `displayNames` (username → display name) when known, else by the username.
 */
export function toImportJobDto(job: ImportJob, displayNames: ReadonlyMap<string, string> = new Map()): TImportJobDto {
  const by = parseImportActor(job.actor);
  return ZImportJobDto.parse({
    ...job,
    by: by.kind === "user" ? { ...by, name: displayNames.get(by.name) ?? by.name } : by,
    startedAt: job.startedAt.getTime(),
    finishedAt: job.finishedAt?.getTime() ?? null,
  });
}
