import type Database from "better-sqlite3";
import {
  batchSize,
  NUMBERS_PER_READING,
  readBatchRow,
  type TBatchRow,
  type TObservationBatch,
} from "./observation-batch";
import { planLabResult, type TStoredResult } from "../../observations/plan-lab-result";

type TRow = [string | null, string, string, string, string, number, string, number, number, string, string];
type TContent = [string, string, number, number];
type TLabRow = [...TRow, string, string | null, string | null, number | null];

interface TStatements {
  insert: Database.Statement<TRow>;
  stored: Database.Statement<TContent, number>;
  insertLab: Database.Statement<TLabRow>;
  current: Database.Statement<[string, string], TStoredResult>;
}

const STATEMENTS = new WeakMap<Database.Database, TStatements>();

/**
 * The inserts of one batch on `connection`, inside a transaction the caller opened (the station's shared connection,
 * or the import CLI's writer thread, server/imports/insert-worker.ts). Synchronous: nothing else runs on the
 * connection meanwhile.
 */
export function insertObservationBatch(
  connection: Database.Database,
  batch: TObservationBatch,
  receivedAt: number,
): (number | null)[] {
  let statements = STATEMENTS.get(connection);
  if (!statements) {
    const insert = connection.prepare<TRow>(
      `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
       VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
    );
    const stored = connection
      .prepare<TContent, number>(
        `SELECT 1 FROM "Observation" WHERE "stayId" = ? AND "parameter" = ? AND "observedAt" = ? AND "value" = ? LIMIT 1`,
      )
      .pluck();
    const insertLab = connection.prepare<TLabRow>(
      `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef","resultStatus","comparator","resultKey","supersedesSeq")
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT ("source","sourceRef") DO NOTHING`,
    );
    // The newest row of a result is its current one: each later row supersedes the one before. A result is the
    // stay's (a lactate corrected after cannulation supersedes the one taken before), found by the partial index.
    const current = connection.prepare<[string, string], TStoredResult>(
      `SELECT "seq","parameter","value","comparator","resultStatus" FROM "Observation"
       WHERE "stayId" = ? AND "resultKey" = ? ORDER BY "seq" DESC LIMIT 1`,
    );
    // Numbers come back as numbers (Prisma's adapter turns on BigInt integers for its connection).
    for (const s of [insert, stored, insertLab, current]) s.safeIntegers(false);
    STATEMENTS.set(connection, (statements = { insert, stored, insertLab, current }));
  }
  const { insert, stored } = statements;
  const n = batchSize(batch);
  const seqs: (number | null)[] = new Array<number | null>(n);
  const row = {} as TBatchRow;
  for (const i of seriesOrder(batch, n)) {
    const r = readBatchRow(batch, i, row);
    if (r.lab) {
      seqs[i] = insertLabResult(statements, r, receivedAt);
      continue;
    }
    if (stored.get(r.stayId, r.parameter, r.observedAt, r.value) !== undefined) {
      seqs[i] = null;
      continue;
    }
    const { changes, lastInsertRowid } = insert.run(
      r.episodeId,
      r.stayId,
      r.bedId,
      r.unitId,
      r.parameter,
      r.value,
      r.unit,
      r.observedAt,
      receivedAt,
      r.source,
      r.sourceRef,
    );
    seqs[i] = changes === 1 ? Number(lastInsertRowid) : null;
  }
  return seqs;
}

/** A laboratory result, stored as planLabResult says (lib/observations/plan-lab-result.ts); null when nothing is. */
function insertLabResult(statements: TStatements, r: TBatchRow, receivedAt: number): number | null {
  const lab = r.lab;
  if (!lab) return null;
  const current = lab.resultKey ? statements.current.get(r.stayId, lab.resultKey) : undefined;
  const plan = planLabResult({ parameter: r.parameter, value: r.value, lab, current });
  if (plan.kind === "skip") return null;
  if (plan.kind === "new" && statements.stored.get(r.stayId, r.parameter, r.observedAt, r.value) !== undefined)
    return null;
  const { changes, lastInsertRowid } = statements.insertLab.run(
    r.episodeId,
    r.stayId,
    r.bedId,
    r.unitId,
    r.parameter,
    plan.value,
    r.unit,
    r.observedAt,
    receivedAt,
    r.source,
    r.sourceRef,
    lab.status,
    lab.comparator ?? null,
    lab.resultKey ?? null,
    plan.kind === "supersede" ? plan.supersedesSeq : null,
  );
  return changes === 1 ? Number(lastInsertRowid) : null;
}

/**
 * The batch's indices grouped by (place, parameter), file order kept within each group (a stable sort). A device
 * export holds each second's readings of every series together, so in file order consecutive inserts land in as
 * many places of the (stay, parameter, time) index as there are series, more leaf pages than SQLite's page cache
 * holds; grouped, each leaf is written several times in a row. The rows' seqs follow this order, which changes
 * nothing a screen relies on: a batch is committed, and broadcast, as one.
 */
function seriesOrder(batch: TObservationBatch, n: number): number[] {
  const { numbers } = batch;
  const width = batch.parameters.length;
  const key = (i: number) =>
    (numbers[i * NUMBERS_PER_READING] ?? 0) * width + (numbers[i * NUMBERS_PER_READING + 1] ?? 0);
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => key(a) - key(b));
}
