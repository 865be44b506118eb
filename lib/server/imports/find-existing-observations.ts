import type { Db } from "../db/client";

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
 * parameter, time and value: the same result sent again by another route, e.g. HL7 then FHIR). Two queries per batch,
 * each an index lookup driven by a JSON array, so that a batch of thousands costs two round trips.
 */
export async function findExistingObservations({
  db,
  source,
  sourceRefs,
  contents,
}: {
  db: Db;
  source: string;
  sourceRefs: readonly string[];
  contents: readonly TContentKey[];
}): Promise<{ refs: Set<string>; contents: Set<string> }> {
  const refs = new Set<string>();
  const found = new Set<string>();
  if (sourceRefs.length > 0) {
    const rows = await db.$queryRawUnsafe<{ sourceRef: string }[]>(
      `SELECT "sourceRef" FROM "Observation" WHERE "source" = ? AND "sourceRef" IN (SELECT value FROM json_each(?))`,
      source,
      JSON.stringify(sourceRefs),
    );
    for (const row of rows) refs.add(row.sourceRef);
  }
  if (contents.length > 0) {
    const keys = contents.map((k) => [k.episodeId, k.parameter, k.observedAt]);
    const rows = await db.$queryRawUnsafe<{ episodeId: string; parameter: string; observedAt: number | bigint; value: number }[]>(
      // Twice as fast as json_extract with DISTINCT (measured on 300,000 rows); a key repeated in the batch returns
      // its rows twice, which the Set absorbs.
      `SELECT o."episodeId", o."parameter", o."observedAt", o."value" FROM json_each(?) k
       JOIN "Observation" o ON o."episodeId" = k.value->>0 AND o."parameter" = k.value->>1 AND o."observedAt" = k.value->>2`,
      JSON.stringify(keys),
    );
    for (const row of rows) found.add(contentKey({ episodeId: row.episodeId, parameter: row.parameter, observedAt: Number(row.observedAt), value: row.value }));
  }
  return { refs, contents: found };
}
