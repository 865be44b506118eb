import type { TChangeCursor } from "@/lib/changes/change";
import type { Db } from "../client";
import { preparedStatement, readCommitted } from "../prisma-connection";

/** The newest seq of each log the change feed follows: where a feed starts (screens replay anything older). */
export function getChangeCursor({ db }: { db: Db }): Promise<TChangeCursor> {
  return readCommitted(db, () => ({
    observation: lastSeq(db, `SELECT MAX("seq") FROM "Observation"`),
    alarm: lastSeq(db, `SELECT MAX("seq") FROM "AlarmEvent"`),
    document: lastSeq(db, `SELECT MAX("seq") FROM "DocumentChange"`),
  }));
}

function lastSeq(db: Db, sql: string): number {
  return preparedStatement<[], number | null>(db, sql).pluck().get() ?? 0;
}
