import { dialectOf, type Db } from "../client";

export interface TStayPlace {
  unitId: string;
  bedId: string;
}

/**
 * Where a stay is now, read for an alarm about to be written on it. On PostgreSQL the share lock waits for a move of
 * the stay under way (it holds the row FOR UPDATE until it commits), so the bed read is the one the move left it in;
 * it is a row lock, taken before the caller's first log write (docs/deployment-database.md, "Lock order"). SQLite has
 * one writer at a time: a plain read sees every committed move. Null when the stay is gone.
 */
export async function lockStayPlace(db: Pick<Db, "stay" | "$queryRaw">, stayId: string): Promise<TStayPlace | null> {
  if (dialectOf(db) === "postgres") {
    const [row] = await db.$queryRaw<
      TStayPlace[]
    >`SELECT "unitId", "bedId" FROM "Stay" WHERE "id" = ${stayId} FOR SHARE`;
    return row ?? null;
  }
  return db.stay.findUnique({ where: { id: stayId }, select: { unitId: true, bedId: true } });
}
