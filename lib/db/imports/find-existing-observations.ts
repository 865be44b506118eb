import type { Db } from "../client";
import { preparedStatement } from "../prisma-connection";

export interface TContentKey {
  readonly episodeId: string;
  readonly parameter: string;
  readonly observedAt: number;
  readonly value: number;
}

/** "episode|parameter|time|value", with the value at the precision the write path stores (toCatalogueUnit). */
export function contentKey(k: TContentKey): string {
  return `${k.episodeId}|${k.parameter}|${k.observedAt}|${Number(k.value.toPrecision(12))}`;
}

/**
 * Which of a batch's readings the database already holds, by source reference and by content (same episode,
 * parameter, time and value: the same result sent again by another route, e.g. HL7 then FHIR). One index lookup per
 * reading through statements prepared once on the shared connection: cheaper than one Prisma query per batch whose
 * keys SQLite had to unpack from a JSON array (bench/import-csv.ts).
 */
export function findExistingObservations({
  db,
  source,
  sourceRefs,
  contents,
}: {
  db: Db;
  source: string;
  sourceRefs: readonly string[];
  contents: readonly TContentKey[];
}): { refs: Set<string>; contents: Set<string> } {
  const refs = new Set<string>();
  const found = new Set<string>();
  if (sourceRefs.length > 0) {
    const stored = preparedStatement<[string, string], number>(
      db,
      `SELECT 1 FROM "Observation" WHERE "source" = ? AND "sourceRef" = ?`,
    ).pluck();
    for (const ref of sourceRefs) if (stored.get(source, ref) !== undefined) refs.add(ref);
  }
  if (contents.length > 0) {
    const values = preparedStatement<[string, string, number], number>(
      db,
      `SELECT "value" FROM "Observation" WHERE "episodeId" = ? AND "parameter" = ? AND "observedAt" = ?`,
    ).pluck();
    for (const k of contents) {
      for (const value of values.all(k.episodeId, k.parameter, k.observedAt)) found.add(contentKey({ ...k, value }));
    }
  }
  return { refs, contents: found };
}
