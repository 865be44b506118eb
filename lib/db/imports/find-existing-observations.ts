import { dialectOf, postgresPool, type Db } from "../client";
import { preparedStatement } from "../prisma-connection";

export interface TContentKey {
  readonly stayId: string;
  readonly parameter: string;
  readonly observedAt: number;
  readonly value: number;
}

/** "stay|parameter|time|value", with the value at the precision the write path stores (toCatalogueUnit). */
export function contentKey(k: TContentKey): string {
  return `${k.stayId}|${k.parameter}|${k.observedAt}|${Number(k.value.toPrecision(12))}`;
}

/**
 * Which of a batch's readings the database already holds, by source reference and by content (same stay,
 * parameter, time and value: the same result sent again by another route, e.g. HL7 then FHIR). One index lookup per
 * reading through statements prepared once on the shared connection: cheaper than one Prisma query per batch whose
 * keys SQLite had to unpack from a JSON array (bench/import-csv.ts). PostgreSQL: one statement per kind of key
 * over arrays of them (unnest), a round trip per reading costing more than the lookup.
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
  if (dialectOf(db) === "postgres") return findExistingObservationsPg(db, source, sourceRefs, contents);
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
      `SELECT "value" FROM "Observation" WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" = ?`,
    ).pluck();
    for (const k of contents) {
      for (const value of values.all(k.stayId, k.parameter, k.observedAt)) found.add(contentKey({ ...k, value }));
    }
  }
  return { refs, contents: found };
}

async function findExistingObservationsPg(
  db: Db,
  source: string,
  sourceRefs: readonly string[],
  contents: readonly TContentKey[],
): Promise<{ refs: Set<string>; contents: Set<string> }> {
  const pool = postgresPool(db);
  const refs = new Set<string>();
  const found = new Set<string>();
  if (sourceRefs.length > 0) {
    const { rows } = await pool.query<{ sourceRef: string }>(
      `SELECT "sourceRef" FROM "Observation" WHERE "source" = $1::"ObservationSource" AND "sourceRef" = ANY($2::text[])`,
      [source, sourceRefs],
    );
    for (const row of rows) refs.add(row.sourceRef);
  }
  if (contents.length > 0) {
    const { rows } = await pool.query<{ e: string; p: string; o: number; value: number }>(
      `SELECT k.e, k.p, k.o, x."value" FROM unnest($1::text[], $2::text[], $3::float8[]) AS k(e, p, o)
         JOIN "Observation" x ON x."stayId" = k.e AND x."parameter" = k.p
          AND x."observedAt" = TIMESTAMP '1970-01-01' + k.o * INTERVAL '1 millisecond'`,
      [contents.map((k) => k.stayId), contents.map((k) => k.parameter), contents.map((k) => k.observedAt)],
    );
    for (const row of rows)
      found.add(contentKey({ stayId: row.e, parameter: row.p, observedAt: row.o, value: row.value }));
  }
  return { refs, contents: found };
}
