import type { TChangeCursor } from "@/lib/changes/change";
import { postgresPool, type Db } from "../client";
import {
  CHANGE_PAGE_SIZE,
  changePage,
  type TAlarmRow,
  type TChangePage,
  type TDocumentRow,
  type TObservationRow,
} from "./read-changes-since";

/** A timestamp(3) column as integer milliseconds since the epoch (a double holds them exactly). */
const ms = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

/*
 * PostgreSQL's reads of the three logs: seq as float8 (a JS number, lib/db/seq.ts), times in milliseconds and Json as
 * its text, so that the rows are those the SQLite statements answer. Each statement reads committed rows only (a
 * pooled connection outside any transaction). "seq > last" misses nothing because every transaction that inserts into
 * a log holds the log-order advisory lock from before its first seq is drawn until it commits
 * (prisma/postgres/migrations, docs/deployment-database.md): no smaller seq can commit after a larger one is seen.
 */
const OBSERVATIONS = `SELECT "seq"::float8, "episodeId", "bedId", "unitId", "parameter", "value", "unit",
       ${ms(`"observedAt"`)}, ${ms(`"receivedAt"`)}, "source"::text,
       "resultStatus"::text, "comparator", "supersedesSeq"::float8, "stayId"
  FROM "Observation" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2`;
const EVENTS = `SELECT e."seq"::float8, e."alarmId", e."unitId", e."type"::text, ${ms(`e."at"`)}, e."details"::text,
       e."actorId", a."stayId", a."ruleId", a."origin"::text
  FROM "AlarmEvent" e LEFT JOIN "Alarm" a ON a."id" = e."alarmId" WHERE e."seq" > $1 ORDER BY e."seq" LIMIT $2`;
const DOCUMENTS = `SELECT "seq"::float8, "type"::text, "unitId", "bedId", "details"::text
  FROM "DocumentChange" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2`;

export async function readChangesSincePg({ db, cursor }: { db: Db; cursor: TChangeCursor }): Promise<TChangePage> {
  const pool = postgresPool(db);
  const rows = async <R>(sql: string, after: number, limit: number) =>
    (await pool.query<R extends unknown[] ? R : never>({ text: sql, values: [after, limit], rowMode: "array" }))
      .rows as R[];
  return changePage(cursor, {
    observations: await rows<TObservationRow>(OBSERVATIONS, cursor.observation, CHANGE_PAGE_SIZE.observation),
    events: await rows<TAlarmRow>(EVENTS, cursor.alarm, CHANGE_PAGE_SIZE.alarm),
    documents: await rows<TDocumentRow>(DOCUMENTS, cursor.document, CHANGE_PAGE_SIZE.document),
  });
}
