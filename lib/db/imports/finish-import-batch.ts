import type { TImportCounts } from "@/lib/imports/import-job";
import type { TWriteResult } from "@/lib/observations/reading";
import { recordLabRefusals } from "../labs/record-lab-refusals";
import { acceptCandidate, countDuplicate, rejectRecord, type TCandidate, type TImportBatch } from "./import-batch";
import { importRunState, keepRejection, type TImportRun } from "./import-run";
import { recordImportBatch } from "./record-import-batch";
import { toImportRejection } from "./to-import-rejection";

/**
 * The last step of a batch, once the write path has answered (`submitted`; none for a dry run, which accepts every
 * fresh candidate, or when nothing was sent): each candidate counted as the write path says (stored, duplicate,
 * rejected), then the batch's counts, ignored codes, outcomes and rejections added to the run's, in the source's
 * order, its refusals recorded at the beds, the job's progress recorded and reported.
 */
export async function finishImportBatch(
  run: TImportRun,
  batch: TImportBatch,
  fresh: readonly TCandidate[],
  submitted: Promise<TWriteResult[]> | undefined,
): Promise<void> {
  const { db, dryRun } = run;
  if (dryRun) {
    for (const c of fresh) acceptCandidate(run, batch, c);
  } else if (submitted) {
    const results = await submitted;
    fresh.forEach((c, i) => {
      const result = results[i];
      if (result?.status === "stored") acceptCandidate(run, batch, c);
      else if (result?.status === "duplicate") countDuplicate(run, batch, c);
      else if (result?.status === "rejected")
        rejectRecord(batch, toImportRejection(c.record, result.rejection, undefined), c.index, c.record.location.entry);
    });
  }
  for (const key of Object.keys(batch.delta) as (keyof TImportCounts)[]) run.counts[key] += batch.delta[key];
  for (const [code, n] of Object.entries(batch.ignored)) run.ignoredCodes[code] = (run.ignoredCodes[code] ?? 0) + n;
  batch.outcomes.sort((a, b) => a.index - b.index);
  const rejections = batch.outcomes.flatMap((f) => (f.outcome.rejection ? [f.outcome.rejection] : []));
  for (const r of rejections) keepRejection(run, r);
  if (run.outcomes) for (const f of batch.outcomes) run.outcomes.push(f.outcome);
  if (!dryRun) await recordLabRefusals({ db, refusals: batch.refusals, now: run.now() });
  await recordImportBatch({ db, jobId: run.jobId, counts: run.counts, ignoredCodes: run.ignoredCodes, rejections });
  run.onProgress?.(importRunState(run, "running"));
}
