import type { TChangeCursor } from "@/lib/changes/change";
import type { TPgQuery } from "../observations/insert-observation-batch.pg";

const CURSOR_BEFORE = `SELECT (SELECT MAX("seq") FROM "Observation" WHERE "seq" < $1)::float8 AS "observation",
       (SELECT MAX("seq") FROM "AlarmEvent")::float8 AS "alarm",
       (SELECT MAX("seq") FROM "DocumentChange")::float8 AS "document"`;

/**
 * Where the three logs stood just before this transaction's first reading (`firstSeq`), for a transaction that has
 * appended readings only: the cursor a change feed holds when the next row it will read is that reading. Exact only
 * inside the transaction, after its INSERT took the log-order lock (prisma/postgres/migrations): every transaction
 * that drew a smaller seq, in any log and on any node, has then committed or rolled back, and none can draw one until
 * this one ends, so the statement (which sees every commit made before it began) finds the last row that will ever
 * stand before ours. A gap left by a rollback is passed over as a feed's read passes it.
 */
export async function readCursorBeforePg(query: TPgQuery, firstSeq: number): Promise<TChangeCursor> {
  const [row] = await query<{ observation: number | null; alarm: number | null; document: number | null }>(
    CURSOR_BEFORE,
    [firstSeq],
  );
  return { observation: row?.observation ?? 0, alarm: row?.alarm ?? 0, document: row?.document ?? 0 };
}
