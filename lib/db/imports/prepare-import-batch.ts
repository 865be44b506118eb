import type { ReadingSink } from "@/lib/observations/reading-sink";
import { checkBatchReadings } from "./check-batch-readings";
import { findBatchPatients } from "./find-batch-patients";
import { finishImportBatch } from "./finish-import-batch";
import { createImportBatch, type TBatchItem } from "./import-batch";
import type { TImportRun } from "./import-run";
import { mapBatchItems } from "./map-batch-items";
import { skipDryRunDuplicates } from "./skip-dry-run-duplicates";

/**
 * Maps, matches and validates a batch (each step a file of its own, sharing the run and the batch's own counts);
 * resolves to a function that hands it to the write path and returns the wait for its commit, after which it is
 * counted and the job's progress recorded (finishImportBatch). The next batch is read and checked while this one
 * commits (on the import CLI's writer thread, side by side on two cores), and sent only once this one is committed
 * and counted: a failed batch stops the import before anything after it is written. Each batch counts apart until
 * it is finished, so the job's recorded counts are always those of committed batches.
 */
export async function prepareImportBatch(
  run: TImportRun,
  sink: ReadingSink,
  items: readonly TBatchItem[],
): Promise<() => Promise<void>> {
  const batch = createImportBatch();
  const { mapped, unreadable } = mapBatchItems(run, batch, items);
  await findBatchPatients(run, [...mapped.map(({ m }) => m.record), ...unreadable.map((u) => u.record)]);
  const candidates = checkBatchReadings(run, batch, mapped, unreadable);
  const fresh = await skipDryRunDuplicates(run, batch, candidates);

  return () => {
    // Checked a moment ago against the same episode and clock: the writer need not check them again.
    const submitted = run.dryRun || fresh.length === 0 ? undefined : sink.submitValid(fresh.map((c) => c.valid));
    // Handled here as well as where it is awaited, so that a failed commit is not an unhandled rejection while the
    // next batch is being prepared.
    submitted?.catch(() => undefined);
    return finishImportBatch(run, batch, fresh, submitted);
  };
}
