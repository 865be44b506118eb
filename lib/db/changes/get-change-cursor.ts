import type { TChangeCursor } from "@/lib/changes/change";
import { dialectOf, postgresPool, type Db } from "../client";
import { preparedStatement, readCommitted } from "../prisma-connection";

const LAST_SEQS = `SELECT (SELECT MAX("seq") FROM "Observation"), (SELECT MAX("seq") FROM "AlarmEvent"),
  (SELECT MAX("seq") FROM "DocumentChange")`;

/** The newest seq of each log the change feed follows: where a feed starts (screens replay anything older). */
export async function getChangeCursor({ db }: { db: Db }): Promise<TChangeCursor> {
  if (dialectOf(db) === "postgres") {
    const { rows } = await postgresPool(db).query<[string | null, string | null, string | null]>({
      text: LAST_SEQS,
      rowMode: "array",
    });
    const [observation, alarm, document] = rows[0] ?? [null, null, null];
    return { observation: Number(observation ?? 0), alarm: Number(alarm ?? 0), document: Number(document ?? 0) };
  }
  return readCommitted(db, () => {
    const [observation, alarm, document] = preparedStatement<[], [number | null, number | null, number | null]>(
      db,
      LAST_SEQS,
    )
      .raw()
      .get() ?? [null, null, null];
    return { observation: observation ?? 0, alarm: alarm ?? 0, document: document ?? 0 };
  });
}
