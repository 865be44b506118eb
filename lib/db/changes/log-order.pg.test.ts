import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TChangeCursor } from "@/lib/changes/change";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { insertObservationBatchPg } from "../observations/insert-observation-batch.pg";
import { packObservationBatch } from "../observations/observation-batch";
import { readChangesSince } from "./read-changes-since";

/*
 * The change feed's "no gap, no duplicate" on PostgreSQL with concurrent writers on several nodes: four writers, each
 * with its own connection (as four station processes would), commit batches of readings while the feed follows the
 * Observation log by "seq > last". Each writer waits a little between its INSERT and its COMMIT, so that a writer that
 * drew a smaller seq often commits after one that drew a larger; with the log-order lock the feed misses none. The
 * gap itself is shown deterministically (random timing under load does not always produce one): the same two-writer
 * interleaving loses rows with the lock switched off for the writers' sessions (the one thing that differs) and none
 * with it. Runs only against PostgreSQL (`npm run test:unit:pg`).
 */
const WRITERS = 4;
const TRANSACTIONS_PER_WRITER = 15;
const READINGS_PER_TRANSACTION = 10;

let testDb: TestDb;
let episode: TestEpisode;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
});
afterEach(() => testDb.cleanup());

async function runWriters(lockOff: boolean): Promise<{ committed: number[]; told: number[] }> {
  const start = Date.now() - 3_600_000;
  const writers = Array.from(
    { length: WRITERS },
    () =>
      new pg.Client({
        connectionString: testDb.url,
        // The test-only switch of the migration's trigger function: the writers take no log-order lock.
        options: lockOff ? "-c station.log_order_lock=off" : undefined,
      }),
  );
  await Promise.all(writers.map((w) => w.connect()));
  let writing = true;
  const told: number[] = [];
  let cursor: TChangeCursor = { observation: 0, alarm: 0, document: 0 };
  const follow = async () => {
    for (;;) {
      // Whether every writer had committed before this read began: only then is an empty page the end.
      const finished = !writing;
      const page = await readChangesSince({ db: testDb.db, cursor });
      for (const change of page.changes) if (change.log === "observation") told.push(change.seq);
      cursor = page.cursor;
      if (finished && !page.more) return;
      if (!page.more) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  const write = async (client: pg.Client, w: number) => {
    for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
      const readings = Array.from({ length: READINGS_PER_TRANSACTION }, (_, i) => ({
        ...episode,
        parameter: "map" as const,
        value: 60 + i,
        unit: "mm[Hg]",
        observedAt: new Date(start + ((w * TRANSACTIONS_PER_WRITER + t) * READINGS_PER_TRANSACTION + i) * 1000),
        source: "simulator" as const,
        sourceRef: `w${w}-t${t}-r${i}`,
      }));
      await client.query("BEGIN");
      await insertObservationBatchPg(
        async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[],
        packObservationBatch(readings),
        Date.now(),
      );
      await client.query(`SELECT pg_sleep($1)`, [Math.random() * 0.01]);
      await client.query("COMMIT");
    }
  };
  const following = follow();
  try {
    await Promise.all(writers.map((client, w) => write(client, w)));
  } finally {
    writing = false;
    await following;
    await Promise.all(writers.map((w) => w.end()));
  }
  const committed = await testDb.db.observation.findMany({ select: { seq: true }, orderBy: { seq: "asc" } });
  return { committed: committed.map((o) => Number(o.seq)), told };
}

/**
 * Two writers, forced into the interleaving that loses a row: A draws the smaller seqs and holds its transaction open,
 * B draws larger ones and commits first, the feed reads, then A commits. Without the lock B's INSERT goes through at
 * once and the feed's cursor passes A's seqs before they commit; with it, B's INSERT waits for A's COMMIT.
 */
async function runForcedInterleaving(lockOff: boolean): Promise<{ committed: number[]; told: number[] }> {
  const options = lockOff ? "-c station.log_order_lock=off" : undefined;
  const [a, b] = [
    new pg.Client({ connectionString: testDb.url, options }),
    new pg.Client({ connectionString: testDb.url, options }),
  ];
  await Promise.all([a.connect(), b.connect()]);
  const told: number[] = [];
  let cursor: TChangeCursor = { observation: 0, alarm: 0, document: 0 };
  const readAll = async () => {
    for (;;) {
      const page = await readChangesSince({ db: testDb.db, cursor });
      for (const change of page.changes) if (change.log === "observation") told.push(change.seq);
      cursor = page.cursor;
      if (!page.more) return;
    }
  };
  const insert = (client: pg.Client, name: string) =>
    insertObservationBatchPg(
      async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[],
      packObservationBatch(
        Array.from({ length: 5 }, (_, i) => ({
          ...episode,
          parameter: "map" as const,
          value: 70,
          unit: "mm[Hg]",
          observedAt: new Date(Date.now() - 60_000 + i * 1000 + (name === "a" ? 0 : 500)),
          source: "simulator" as const,
          sourceRef: `${name}-${i}`,
        })),
      ),
      Date.now(),
    );
  try {
    await a.query("BEGIN");
    await insert(a, "a");
    await b.query("BEGIN");
    const bInsert = insert(b, "b");
    // Without the lock B's insert answers at once; with it, it waits for A's commit (and this waits 3 s).
    const bInsertedFirst = await Promise.race([
      bInsert.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
    ]);
    if (bInsertedFirst) await b.query("COMMIT");
    await readAll();
    await a.query("COMMIT");
    if (!bInsertedFirst) {
      await bInsert;
      await b.query("COMMIT");
    }
    await readAll();
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
  const committed = await testDb.db.observation.findMany({ select: { seq: true }, orderBy: { seq: "asc" } });
  return { committed: committed.map((o) => Number(o.seq)), told };
}

describe.runIf(process.env.TEST_DATABASE === "postgres")(
  "the change feed on PostgreSQL with concurrent writers",
  () => {
    it("misses the readings of a transaction that drew smaller seqs and committed later, without the log-order lock", async () => {
      const { committed, told } = await runForcedInterleaving(true);
      expect(committed).toHaveLength(10);
      // A's five readings were never told: the gap the lock closes.
      expect(committed.filter((seq) => !told.includes(seq))).toHaveLength(5);
    }, 30_000);

    it("tells every reading of the same interleaving once, in seq order, with the lock", async () => {
      const { committed, told } = await runForcedInterleaving(false);
      expect(committed).toHaveLength(10);
      expect(told).toEqual(committed);
    }, 30_000);

    it("tells every committed reading once, in seq order, with four writers committing at random moments", async () => {
      const { committed, told } = await runWriters(false);
      expect(committed).toHaveLength(WRITERS * TRANSACTIONS_PER_WRITER * READINGS_PER_TRANSACTION);
      expect(told).toEqual(committed);
    }, 60_000);
  },
);
