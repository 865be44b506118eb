import { z } from "zod";
import { ZImportActor } from "./import-actor";
import { ZImportKind } from "./import-record";

export const IMPORT_JOB_STATUSES = ["running", "done", "failed"] as const;

export const ZImportCounts = z.object({
  /** Records read (OBX segments, Observations, CSV rows), whatever became of them. */
  processed: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  /** Analytes the station does not monitor: not errors. */
  ignored: z.number().int().nonnegative(),
  /** Of the accepted, corrected results stored beside the value they correct. */
  corrected: z.number().int().nonnegative(),
});
export type TImportCounts = z.infer<typeof ZImportCounts>;

export const EMPTY_COUNTS: TImportCounts = {
  processed: 0,
  accepted: 0,
  rejected: 0,
  duplicate: 0,
  ignored: 0,
  corrected: 0,
};

/** An import job as the history and the import page show it. Times are epoch milliseconds. */
export const ZImportJobDto = ZImportCounts.extend({
  id: z.string(),
  kind: ZImportKind,
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  dryRun: z.boolean(),
  actor: z.string(),
  /** Who ran it, as the history names it (a person by display name): lib/imports/import-actor.ts. */
  by: ZImportActor,
  ignoredCodes: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type TImportJobDto = z.infer<typeof ZImportJobDto>;

/** What POST /api/imports answers: the job's counts, the codes it ignored, and its first rejections. */
export const ZImportSummaryDto = ZImportCounts.extend({
  jobId: z.string(),
  kind: ZImportKind,
  fileName: z.string(),
  status: z.enum(["done", "failed"]),
  dryRun: z.boolean(),
  error: z.string().optional(),
  ignoredCodes: z.record(z.string(), z.number()),
  rejections: z.array(
    z.object({ location: z.string(), field: z.string(), value: z.string(), code: z.string(), reason: z.string() }),
  ),
});
export type TImportSummaryDto = z.infer<typeof ZImportSummaryDto>;
