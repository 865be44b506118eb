import Database from "better-sqlite3";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import type { TReadingInput } from "@/lib/observations/reading";
import { createStationServer } from "@/server/create-station-server";
import { MAX_READINGS_PER_COMMIT } from "@/lib/db/observations/insert-observations";
import { silentLogger } from "@/lib/log/logger";
import { createPostgresTestDb, createTestDb, type TestDb } from "@/test/support/create-test-db";
import { BENCH_PARAMETERS, seedBenchWorld, signInBenchNurse } from "./world";

/** One second of the 64-bed unit (64 × 12 readings): a producer's submission. */
const CHUNK = 768;
/**
 * The ceiling's transaction: the largest the write path makes (its batches grow to this under load, from the four
 * producers' submissions). With the producers' smaller chunks the ceiling paid more commits than the write path,
 * which then ran faster than its "ceiling".
 */
const CEILING_TRANSACTION = MAX_READINGS_PER_COMMIT;

/** The rows both runs store, prepared before any clock starts: the readings, and their columns as stored. */
interface TPreparedRows {
  chunks: TReadingInput[][];
  columns: {
    episodeId: string[];
    bedId: string[];
    parameter: string[];
    value: number[];
    unit: string[];
    observedAt: number[];
    sourceRef: string[];
  };
}

function prepareRows(total: number, episodes: readonly string[]): TPreparedRows {
  const base = Date.now() - 3_600_000;
  const chunks: TReadingInput[][] = [];
  const columns: TPreparedRows["columns"] = {
    episodeId: [],
    bedId: [],
    parameter: [],
    value: [],
    unit: [],
    observedAt: [],
    sourceRef: [],
  };
  for (let i = 0; i < total; i++) {
    const [parameter, unit, value] = BENCH_PARAMETERS[i % BENCH_PARAMETERS.length]!;
    const episodeId = episodes[Math.floor(i / BENCH_PARAMETERS.length) % episodes.length]!;
    const observedAt = base + Math.floor(i / CHUNK) * 1000;
    if (i % CHUNK === 0) chunks.push([]);
    chunks[chunks.length - 1]!.push({
      episodeId,
      parameter,
      unit,
      value,
      observedAt: new Date(observedAt),
      source: "device",
      sourceRef: `b-${i}`,
    });
    columns.episodeId.push(episodeId);
    columns.bedId.push(episodeId.replace("bench-e-", "bench-bed-"));
    columns.parameter.push(parameter);
    columns.value.push(value);
    columns.unit.push(unit);
    columns.observedAt.push(observedAt);
    columns.sourceRef.push(`b-${i}`);
  }
  return { chunks, columns };
}

/**
 * Sustained ingest through the whole write path (validate → batch → commit → change feed → broadcast to a subscribed
 * client), beside the ceiling: the fastest plain way to put the same prepared rows into the same table with the same
 * indexes, in transactions as large as the write path's largest (SQLite: one prepared INSERT per row on
 * better-sqlite3; PostgreSQL: one INSERT … SELECT FROM unnest per transaction on one pg connection). Both start from
 * rows prepared before the clock starts, so neither pays for building them, and neither reads a clock per row. The ceiling skips the write path's duplicate checks (the content probe,
 * RETURNING), which is part of what the ratio measures.
 */
export async function benchIngestThroughput(
  total: number,
  engine: "sqlite" | "postgres" = "sqlite",
): Promise<Record<string, number | string>> {
  const t = engine === "postgres" ? await createPostgresTestDb() : await createTestDb();
  const episodes = await seedBenchWorld(t.db);
  const rows = prepareRows(total, episodes);
  const cookie = await signInBenchNurse(t.db);
  const server = await createStationServer({ db: t.db, log: silentLogger });
  const { port } = await server.listen(0, "127.0.0.1");
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
  });
  let broadcast = 0;
  socket.on("observation:recorded", ({ readings }) => (broadcast += readings.seq.length));
  await new Promise<void>((resolve) =>
    socket.on("connect", () => socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 0 }, () => resolve())),
  );

  const inFlight = 4;
  const started = performance.now();
  let next = 0;
  const producer = async () => {
    while (next < rows.chunks.length) await server.writer.submit(rows.chunks[next++]!);
  };
  await Promise.all(Array.from({ length: inFlight }, producer));
  const persistedMs = performance.now() - started;
  while (broadcast < total && performance.now() - started < persistedMs * 3 + 5000)
    await new Promise((r) => setTimeout(r, 5));
  const broadcastMs = performance.now() - started;
  socket.close();
  await server.close();
  await t.cleanup();

  const rawMs = engine === "postgres" ? await postgresCeiling(rows) : await sqliteCeiling(rows);
  const writePath = (total / persistedMs) * 1000;
  const ceiling = (total / rawMs) * 1000;
  return {
    engine,
    readings: total,
    writePathPersistedPerSec: Math.round(writePath),
    writePathBroadcastPerSec: Math.round((broadcast / broadcastMs) * 1000),
    broadcastDelivered: broadcast,
    [engine === "postgres" ? "rawPostgresUnnestPerSec" : "rawBetterSqlitePerSec"]: Math.round(ceiling),
    ratioToCeiling: Number((writePath / ceiling).toFixed(2)),
  };
}

async function freshWorld(engine: "sqlite" | "postgres"): Promise<TestDb> {
  const raw = engine === "postgres" ? await createPostgresTestDb() : await createTestDb();
  await seedBenchWorld(raw.db);
  return raw;
}

async function sqliteCeiling({ columns }: TPreparedRows): Promise<number> {
  const raw = await freshWorld("sqlite");
  await raw.db.$disconnect();
  const db = new Database(raw.path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const insert = db.prepare(
    // The stay of bench world's episode bench-e-N is bench-s-N (bench/world.ts).
    `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const receivedAt = Date.now();
  const { episodeId, bedId, parameter, value, unit, observedAt, sourceRef } = columns;
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++)
      insert.run(
        episodeId[i],
        episodeId[i]?.replace("bench-e-", "bench-s-"),
        bedId[i],
        "bench-unit",
        parameter[i],
        value[i],
        unit[i],
        observedAt[i],
        receivedAt,
        "device",
        sourceRef[i],
      );
  });
  const total = episodeId.length;
  const start = performance.now();
  for (let from = 0; from < total; from += CEILING_TRANSACTION) tx(from, Math.min(total, from + CEILING_TRANSACTION));
  const ms = performance.now() - start;
  db.close();
  await raw.cleanup();
  return ms;
}

async function postgresCeiling({ columns }: TPreparedRows): Promise<number> {
  const raw = await freshWorld("postgres");
  const client = new pg.Client({ connectionString: raw.url });
  await client.connect();
  const total = columns.episodeId.length;
  // Sliced before the clock starts: the timed loop only sends and commits.
  const slices: unknown[][] = [];
  const receivedAt = Date.now();
  for (let from = 0; from < total; from += CEILING_TRANSACTION) {
    const to = Math.min(total, from + CEILING_TRANSACTION);
    slices.push([
      columns.episodeId.slice(from, to),
      columns.bedId.slice(from, to),
      columns.parameter.slice(from, to),
      columns.value.slice(from, to),
      columns.unit.slice(from, to),
      columns.observedAt.slice(from, to),
      columns.sourceRef.slice(from, to),
      receivedAt,
    ]);
  }
  const sql = `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
    SELECT r.e, replace(r.e, 'bench-e-', 'bench-s-'), r.b, 'bench-unit', r.p, r.v, r.un, TIMESTAMP '1970-01-01' + r.o * INTERVAL '1 millisecond',
           TIMESTAMP '1970-01-01' + $8::bigint * INTERVAL '1 millisecond', 'device', r.ref
      FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::bigint[], $7::text[]) AS r(e, b, p, v, un, o, ref)`;
  const start = performance.now();
  for (const values of slices) await client.query(sql, values);
  const ms = performance.now() - start;
  await client.end();
  await raw.cleanup();
  return ms;
}
