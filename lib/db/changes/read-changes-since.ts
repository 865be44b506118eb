import { ZDocumentChange, type TChange, type TChangeCursor } from "@/lib/changes/change";
import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
import { labFields } from "@/lib/observations/observation";
import type { TObservationSource } from "@/lib/observations/reading";
import { dialectOf, type Db } from "../client";
import { preparedStatement, readCommitted } from "../prisma-connection";
import { readChangesSincePg } from "./read-changes-since.pg";

/** Rows read from each log at most per page: a page is handed over, then the next one read. */
export const CHANGE_PAGE_SIZE = { observation: 5_000, alarm: 1_000, document: 1_000 } as const;

export interface TChangePage {
  /** Readings first, then alarm events, then document changes, each log in seq order. */
  changes: TChange[];
  /** Where the next page starts: the last seq read from each log. */
  cursor: TChangeCursor;
  /** A log filled its page: more may follow at once. */
  more: boolean;
  /** Document changes this version cannot read (a newer version wrote them): passed over, for the log. */
  unreadable: { seq: number; type: string }[];
}

export type TObservationRow = [
  number,
  string | null,
  string,
  string,
  string,
  number,
  string,
  number,
  number,
  string,
  TResultStatus | null,
  TComparator | null,
  number | null,
  string,
];
export type TAlarmRow = [
  number,
  string | null,
  string,
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];
export type TDocumentRow = [number, string, string, string, string];

/**
 * What the three logs gained after `cursor`, read on the shared connection outside any transaction, so that only
 * committed rows are seen (readCommitted). Each log is read in seq order; with SQLite's single writer lock, a row's seq
 * is allocated inside the transaction that commits it and transactions commit one at a time, so seq order is commit
 * order and a read never sees a seq before a smaller one has committed: following by "seq > last" misses nothing.
 * PostgreSQL hands out sequence numbers before commit; its log-order lock (a trigger of each log, taken by every
 * inserting transaction until it ends) makes seq order commit order there too (read-changes-since.pg.ts).
 */
export function readChangesSince({ db, cursor }: { db: Db; cursor: TChangeCursor }): Promise<TChangePage> {
  if (dialectOf(db) === "postgres") return readChangesSincePg({ db, cursor });
  return readCommitted(db, () =>
    changePage(cursor, {
      observations: preparedStatement<[number, number], TObservationRow>(
        db,
        `SELECT "seq","episodeId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source",
                "resultStatus","comparator","supersedesSeq","stayId"
           FROM "Observation" WHERE "seq" > ? ORDER BY "seq" LIMIT ?`,
      )
        .raw()
        .all(cursor.observation, CHANGE_PAGE_SIZE.observation),
      events: preparedStatement<[number, number], TAlarmRow>(
        db,
        `SELECT e."seq", e."alarmId", e."unitId", e."type", e."at", e."details", e."actorId", a."stayId", a."ruleId", a."origin"
           FROM "AlarmEvent" e LEFT JOIN "Alarm" a ON a."id" = e."alarmId" WHERE e."seq" > ? ORDER BY e."seq" LIMIT ?`,
      )
        .raw()
        .all(cursor.alarm, CHANGE_PAGE_SIZE.alarm),
      documents: preparedStatement<[number, number], TDocumentRow>(
        db,
        `SELECT "seq","type","unitId","bedId","details" FROM "DocumentChange" WHERE "seq" > ? ORDER BY "seq" LIMIT ?`,
      )
        .raw()
        .all(cursor.document, CHANGE_PAGE_SIZE.document),
    }),
  );
}

/** The rows of one read of the three logs, each in seq order, as both engines' queries answer them. */
export interface TLogRows {
  observations: TObservationRow[];
  events: TAlarmRow[];
  documents: TDocumentRow[];
}

/** A page of typed changes from the rows read after `cursor`. */
export function changePage(cursor: TChangeCursor, { observations, events, documents }: TLogRows): TChangePage {
  const changes: TChange[] = [];
  const next = { ...cursor };
  const unreadable: TChangePage["unreadable"] = [];

  for (const [
    seq,
    episodeId,
    bedId,
    unitId,
    parameter,
    value,
    unit,
    observedAt,
    receivedAt,
    source,
    status,
    comparator,
    replaces,
    stayId,
  ] of observations) {
    changes.push({
      log: "observation",
      seq,
      observation: {
        seq,
        stayId,
        episodeId,
        bedId,
        unitId,
        parameter,
        value,
        unit,
        observedAt,
        receivedAt,
        source: source as TObservationSource,
        ...labFields({ status, comparator, replaces }),
      },
    });
    next.observation = seq;
  }

  for (const [seq, alarmId, unitId, type, at, details, actorId, stayId, ruleId, origin] of events) {
    const alarm = stayId !== null && ruleId !== null && origin !== null ? { stayId, ruleId, origin } : null;
    // Raw SQL hands the Json column over as its JSON text; Prisma would have parsed it, and readers expect it parsed.
    changes.push({
      log: "alarm",
      seq,
      event: { seq, alarmId, unitId, type, at, details: parseDetails(details), actorId, alarm },
    });
    next.alarm = seq;
  }

  for (const [seq, type, unitId, bedId, details] of documents) {
    next.document = seq;
    const change = ZDocumentChange.safeParse({ ...parseDetails(details), type, unitId, bedId });
    if (change.success) changes.push({ log: "document", seq, change: change.data });
    else unreadable.push({ seq, type });
  }

  const more =
    observations.length === CHANGE_PAGE_SIZE.observation ||
    events.length === CHANGE_PAGE_SIZE.alarm ||
    documents.length === CHANGE_PAGE_SIZE.document;
  return { changes, cursor: next, more, unreadable };
}

function parseDetails(details: string | null): Record<string, unknown> {
  if (details === null) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
