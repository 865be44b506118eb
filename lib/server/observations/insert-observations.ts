import type { TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "../db/client";

/** Rows per statement: bounds the JSON text of one batch (about 100 bytes a row). */
export const MAX_ROWS_PER_STATEMENT = 3_000;
const COLUMNS = `"episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef"`;

export interface TInsertedKey {
  seq: number;
  source: string;
  sourceRef: string;
}

/**
 * Stores validated readings in one statement, so that they commit together or not at all, and returns the sequence
 * numbers of those actually inserted. A reading whose (source, sourceRef) is already stored is skipped by the
 * database, not by a read-then-write race. Raw SQL because Prisma's createMany cannot skip conflicts and return keys
 * on SQLite in one statement; one statement rather than an interactive transaction because it halves the time of the
 * write path's hot loop (measured with bench/).
 */
export async function insertObservations({
  db,
  readings,
  receivedAt,
}: {
  db: Db;
  readings: readonly TValidReading[];
  receivedAt: Date;
}): Promise<TInsertedKey[]> {
  if (readings.length === 0) return [];
  if (readings.length > MAX_ROWS_PER_STATEMENT) {
    throw new RangeError(`insertObservations takes at most ${MAX_ROWS_PER_STATEMENT} readings at once (got ${readings.length})`);
  }
  const received = receivedAt.getTime();
  // The rows travel as one JSON parameter expanded by json_each: Prisma keeps recent raw queries with their
  // arguments in a cache, and 7,680 separate arguments a batch held ~80 MB of heap there (found with bench/).
  const rowsJson = JSON.stringify(
    readings.map((r) => [r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt.getTime(), r.source, r.sourceRef]),
  );
  const rows = await db.$queryRawUnsafe<{ seq: number | bigint; source: string; sourceRef: string }[]>(
    `INSERT INTO "Observation" (${COLUMNS})
     SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4, j.value->>5, j.value->>6, ?, j.value->>7, j.value->>8
       FROM json_each(?) AS j WHERE true
     ON CONFLICT ("source","sourceRef") DO NOTHING RETURNING "seq","source","sourceRef"`,
    received,
    rowsJson,
  );
  return rows.map((row) => ({ seq: Number(row.seq), source: row.source, sourceRef: row.sourceRef }));
}
