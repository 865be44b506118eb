import { batchSize, readBatchRow, type TBatchRow, type TObservationBatch } from "./observation-batch";
import { planLabResult, type TStoredResult } from "../../observations/plan-lab-result";

/** Runs one statement with $n parameters and answers its rows: a pg pool's or a Prisma transaction's query. */
export type TPgQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/*
 * One statement for the whole batch (PostgreSQL's counterpart of insert-observation-batch.ts): a round trip per row
 * would cost more than the insert. The rows travel as one array per column and come back through unnest; the index
 * probe of the same content (stay, parameter, time, value) is in the same statement, so no other transaction's insert
 * can come between the probe and the insert for a row it would see. The probe is a scalar subquery with LIMIT 1, not
 * a NOT EXISTS: the planner turns a NOT EXISTS into an anti-join and, for a few thousand rows, chose a hash anti-join
 * over a sequential scan of the whole table, so each batch cost time in proportion to the table (a batch of 3,000
 * against 200,000 stored readings: 12,000 readings/s, falling as the table grew). A LIMIT subquery is not pulled up
 * into a join: it stays one index-only probe per row of (stayId, parameter, observedAt, value), whatever the table's
 * size (EXPLAIN: 3,000 probes ≈ 15 ms). Times are bound as integer milliseconds and turned into timestamp(3) exactly
 * (no floating-point division). The stay and the episode (null for a stay-only value) are bound as the write path
 * found them, as on SQLite.
 */
const INSERT = `
INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
SELECT r.e, r.st, r.b, r.u, r.p, r.v, r.un, TIMESTAMP '1970-01-01' + r.o * INTERVAL '1 millisecond',
       TIMESTAMP '1970-01-01' + $10::bigint * INTERVAL '1 millisecond', r.s::"ObservationSource", r.ref
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::bigint[], $8::text[], $9::text[], $11::text[])
       AS r(e, b, u, p, v, un, o, s, ref, st)
 WHERE (SELECT 1 FROM "Observation" x
         WHERE x."stayId" = r.st AND x."parameter" = r.p
           AND x."observedAt" = TIMESTAMP '1970-01-01' + r.o * INTERVAL '1 millisecond' AND x."value" = r.v
         LIMIT 1) IS NULL
ON CONFLICT ("source","sourceRef") DO NOTHING
RETURNING "seq"::text AS "seq", "source"::text AS "source", "sourceRef"`;

/*
 * The rows the INSERT's foreign-key checks lock (KEY SHARE on each reading's stay and episode), locked before it, in
 * one order. The INSERT's log-order trigger takes the log-order lock before its foreign-key checks run, so without
 * this statement a batch took the log-order lock first and its stays' rows second, while a stay's move, discharge or
 * merge does the opposite: its UPDATE changes a unique key of the stay (openBedKey, openPatientKey), which locks the
 * row FOR UPDATE, then its DocumentChange takes the log-order lock. A batch that came between the two waited for the
 * stay holding the log-order lock the operation then waited for: 'deadlock detected' (the simulator's tick during
 * the whole-stay e2e's ADT^A02). The stay's operations write their rows before their DocumentChange, the alarm
 * engine its alarm rows before their events (apply-alarm-transitions.ts): rows first, the log-order lock last, is the
 * order to keep (docs/deployment-database.md). KEY SHARE conflicts with FOR UPDATE only: ordinary updates of a stay or an episode (its bed, its
 * settings) do not wait for a batch, nor a batch for them.
 */
const LOCK_STAYS_AND_EPISODES = `
WITH s AS (SELECT 1 FROM "Stay" WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR KEY SHARE),
     e AS (SELECT 1 FROM "SupportEpisode" WHERE "id" = ANY($2::text[]) ORDER BY "id" FOR KEY SHARE)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM e) AS "locked"`;

/**
 * Inserts a batch inside the caller's transaction, answering per reading its seq or null when it was stored before:
 * the same (source, sourceRef), or the same content. A batch that holds the same reading twice stores the first, as
 * the SQLite version does (one statement does not see its own rows). `query` must run its statements in one
 * transaction: the lock of the batch's stays and episodes, taken first, holds until its commit.
 */
export async function insertObservationBatchPg(
  query: TPgQuery,
  batch: TObservationBatch,
  receivedAt: number,
): Promise<(number | null)[]> {
  const n = batchSize(batch);
  const seqs: (number | null)[] = new Array<number | null>(n).fill(null);
  const [episodes, beds, units, parameters, values, valueUnits, times, sources, sourceRefs, stays] = [
    [] as (string | null)[],
    [] as string[],
    [] as string[],
    [] as string[],
    [] as number[],
    [] as string[],
    [] as number[],
    [] as string[],
    [] as string[],
    [] as string[],
  ] as const;
  const indexByKey = new Map<string, number>();
  const contents = new Set<string>();
  const row = {} as TBatchRow;
  const labRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = readBatchRow(batch, i, row);
    // Laboratory results (status, comparator, supersession) go one by one after the batch: they are few, and each
    // depends on the result's current row (insertLabResultPg).
    if (r.lab) {
      labRows.push(i);
      continue;
    }
    const key = `${r.source}\u0000${r.sourceRef}`;
    const content = `${r.stayId}\u0000${r.parameter}\u0000${r.observedAt}\u0000${r.value}`;
    if (indexByKey.has(key) || contents.has(content)) continue;
    indexByKey.set(key, i);
    contents.add(content);
    episodes.push(r.episodeId);
    stays.push(r.stayId);
    beds.push(r.bedId);
    units.push(r.unitId);
    parameters.push(r.parameter);
    values.push(r.value);
    valueUnits.push(r.unit);
    times.push(r.observedAt);
    sources.push(r.source);
    sourceRefs.push(r.sourceRef);
  }
  // The batch's places are its distinct (stay, episode) pairs: a few dozen for thousands of readings.
  const stayIds = new Set(batch.places.map(([stayId]) => stayId));
  const episodeIds = new Set(batch.places.flatMap(([, episodeId]) => (episodeId === null ? [] : [episodeId])));
  await query(LOCK_STAYS_AND_EPISODES, [[...stayIds], [...episodeIds]]);
  const rows = await query<{ seq: string; source: string; sourceRef: string }>(INSERT, [
    episodes,
    beds,
    units,
    parameters,
    values,
    valueUnits,
    times,
    sources,
    sourceRefs,
    receivedAt,
    stays,
  ]);
  for (const { seq, source, sourceRef } of rows) {
    const i = indexByKey.get(`${source}\u0000${sourceRef}`);
    if (i !== undefined) seqs[i] = Number(seq);
  }
  for (const i of labRows) seqs[i] = await insertLabResultPg(query, readBatchRow(batch, i, row), receivedAt);
  return seqs;
}

const CURRENT = `SELECT "seq"::float8 AS "seq", "parameter", "value", "comparator", "resultStatus"::text AS "resultStatus"
  FROM "Observation" WHERE "stayId" = $1 AND "resultKey" = $2 ORDER BY "seq" DESC LIMIT 1`;
const STORED = `SELECT 1 FROM "Observation" WHERE "stayId" = $1 AND "parameter" = $2
  AND "observedAt" = TIMESTAMP '1970-01-01' + $3::bigint * INTERVAL '1 millisecond' AND "value" = $4 LIMIT 1`;
const INSERT_LAB = `
INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt",
  "source","sourceRef","resultStatus","comparator","resultKey","supersedesSeq")
VALUES ($1, $15, $2, $3, $4, $5, $6,
  TIMESTAMP '1970-01-01' + $7::bigint * INTERVAL '1 millisecond', TIMESTAMP '1970-01-01' + $8::bigint * INTERVAL '1 millisecond',
  $9::"ObservationSource", $10, $11::"ResultStatus", $12, $13, $14::bigint)
ON CONFLICT ("source","sourceRef") DO NOTHING
RETURNING "seq"::text AS "seq"`;

/** A laboratory result, stored as planLabResult says (lib/observations/plan-lab-result.ts, shared with SQLite). */
async function insertLabResultPg(query: TPgQuery, r: TBatchRow, receivedAt: number): Promise<number | null> {
  const lab = r.lab;
  if (!lab) return null;
  const [current] = lab.resultKey ? await query<TStoredResult>(CURRENT, [r.stayId, lab.resultKey]) : [];
  const plan = planLabResult({ parameter: r.parameter, value: r.value, lab, current });
  if (plan.kind === "skip") return null;
  if (plan.kind === "new" && (await query(STORED, [r.stayId, r.parameter, r.observedAt, r.value])).length > 0)
    return null;
  const rows = await query<{ seq: string }>(INSERT_LAB, [
    r.episodeId,
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
    r.stayId,
  ]);
  return rows[0] ? Number(rows[0].seq) : null;
}
