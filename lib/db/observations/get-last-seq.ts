import type { Db } from "../client";

/** The highest committed sequence number, 0 on an empty database. */
export async function getLastSeq({ db }: { db: Db }): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ last: number | bigint | null }[]>(
    `SELECT MAX("seq") AS "last" FROM "Observation"`,
  );
  return Number(rows[0]?.last ?? 0);
}
