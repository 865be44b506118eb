import { contentKey, findExistingObservations, type TContentKey } from "./find-existing-observations";
import { countDuplicate, type TCandidate, type TImportBatch } from "./import-batch";
import type { TImportRun } from "./import-run";

/**
 * The candidates a dry run would store: a real run hands every candidate to the write path, which skips a reading
 * stored before or sent twice, by source reference or by content, in the transaction that would store it, and says
 * so. A dry run writes nothing, so it asks the database, and remembers what it saw in earlier batches
 * (run.seenInDryRun), to report the same duplicates. A real run's candidates are returned as they are.
 */
export async function skipDryRunDuplicates(
  run: TImportRun,
  batch: TImportBatch,
  candidates: TCandidate[],
): Promise<TCandidate[]> {
  const seen = run.seenInDryRun;
  if (!seen) return candidates;
  const contents = candidates.map(({ valid: r }) => ({
    stayId: r.stayId,
    parameter: r.parameter,
    observedAt: r.observedAt.getTime(),
    value: r.value,
  }));
  const existing = await findExistingObservations({
    db: run.db,
    source: run.source,
    sourceRefs: candidates.map((c) => c.valid.sourceRef),
    contents,
  });
  const fresh: TCandidate[] = [];
  candidates.forEach((c, i) => {
    const refKey = `ref\u0000${c.valid.sourceRef}`;
    const key = contentKey(contents[i] as TContentKey);
    const duplicate =
      existing.refs.has(c.valid.sourceRef) || existing.contents.has(key) || seen.has(refKey) || seen.has(key);
    seen.add(refKey).add(key);
    if (duplicate) countDuplicate(run, batch, c);
    else fresh.push(c);
  });
  return fresh;
}
