import type { TValidReading } from "@/lib/observations/validate-reading";
import type { Db } from "../db/client";

/** Ten columns a row; 400 rows keep each statement under SQLite's bound-parameter limit with room to spare. */
const ROWS_PER_STATEMENT = 400;
const COLUMNS = `"episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef"`;

export interface TInsertedKey {
  seq: number;
  source: string;
  sourceRef: string;
}

/**
 * Stores validated readings in one transaction and returns the sequence numbers of those actually inserted. A
 * reading whose (source, sourceRef) is already stored is skipped by the database, not by a read-then-write race.
 * Raw SQL because Prisma's createMany cannot skip conflicts and return keys on SQLite in one statement.
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
  const received = receivedAt.getTime();
  return db.$transaction(async (tx) => {
    const inserted: TInsertedKey[] = [];
    for (let start = 0; start < readings.length; start += ROWS_PER_STATEMENT) {
      const chunk = readings.slice(start, start + ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      for (const r of chunk) {
        params.push(r.episodeId, r.bedId, r.unitId, r.parameter, r.value, r.unit, r.observedAt.getTime(), received, r.source, r.sourceRef);
      }
      const values = chunk.map(() => "(?,?,?,?,?,?,?,?,?,?)").join(",");
      const rows = await tx.$queryRawUnsafe<{ seq: number | bigint; source: string; sourceRef: string }[]>(
        `INSERT INTO "Observation" (${COLUMNS}) VALUES ${values} ON CONFLICT ("source","sourceRef") DO NOTHING RETURNING "seq","source","sourceRef"`,
        ...params,
      );
      for (const row of rows) inserted.push({ seq: Number(row.seq), source: row.source, sourceRef: row.sourceRef });
    }
    return inserted;
  });
}
