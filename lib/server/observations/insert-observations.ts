import type { TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "../db/client";

/** Ten columns a row: 3,000 rows stay under SQLite's limit of 32,766 bound parameters. */
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
  const params: unknown[] = [];
  for (const r of readings) {
    params.push(r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt.getTime(), received, r.source, r.sourceRef);
  }
  const values = readings.map(() => "(?,?,?,?,?,?,?,?,?,?)").join(",");
  const rows = await db.$queryRawUnsafe<{ seq: number | bigint; source: string; sourceRef: string }[]>(
    `INSERT INTO "Observation" (${COLUMNS}) VALUES ${values} ON CONFLICT ("source","sourceRef") DO NOTHING RETURNING "seq","source","sourceRef"`,
    ...params,
  );
  return rows.map((row) => ({ seq: Number(row.seq), source: row.source, sourceRef: row.sourceRef }));
}
