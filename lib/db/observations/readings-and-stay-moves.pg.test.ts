import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { holdBeforeCreate, outcome, someoneWaitsForALock } from "@/test/support/hold-transaction";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { postgresPool, type Db } from "../client";
import { claimLeaderEpoch } from "../cluster/leader-epoch";
import { dischargeStay } from "../stays/discharge-stay";
import { moveStay } from "../stays/move-stay";
import { insertObservations } from "./insert-observations";

// The write path's retry of a deadlock (retry-on-deadlock.ts) would hide the deadlock this file is about: here a
// batch runs once, as it did before the retry existed.
vi.mock("../retry-on-deadlock", () => ({ retryOnDeadlock: <T>(run: () => Promise<T>) => run() }));

/*
 * The simulator's tick beside a stay operation on PostgreSQL (the whole-stay e2e's 'deadlock detected': its ADT^A02
 * moved bed 08's simulated patient while the tick wrote that patient's readings). A move or a discharge changes the
 * stay's unique keys (openBedKey, openPatientKey), which locks its row FOR UPDATE, then writes its DocumentChange,
 * which takes the log-order lock. A batch of readings took the log-order lock in its INSERT's trigger, then, in the
 * INSERT's foreign-key checks, a KEY SHARE lock on each reading's stay: the opposite order. The operation is held
 * between its stay's update and its first log write until the batch is waiting for it, the losing interleaving; the
 * batch must then wait for the operation, not deadlock with it.
 */
let testDb: TestDb;
let episode: TestEpisode;
let epoch: number;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
  await testDb.db.bed.create({ data: { id: "test-bed-2", unitId: episode.unitId, label: "T2", position: 2 } });
  epoch = await claimLeaderEpoch({ db: testDb.db, nodeId: "test-node", now: new Date() });
});
afterEach(() => testDb.cleanup());

/**
 * Five of the stay's readings in one batch: fenced by the leader's epoch, as the simulator's tick submits them, or
 * not (`fenced: false`), as the HL7 and FHIR routes do.
 */
function insertBatch({ fenced }: { fenced: boolean }): Promise<unknown> {
  const start = Date.now() - 600_000;
  return insertObservations({
    db: testDb.db,
    readings: Array.from({ length: 5 }, (_, i) => ({
      ...episode,
      parameter: "map" as const,
      value: 70 + i,
      unit: "mm[Hg]",
      observedAt: new Date(start + i * 5_000),
      source: "simulator" as const,
      sourceRef: `reading-${i}`,
    })),
    receivedAt: new Date(),
    epoch: fenced ? epoch : undefined,
  });
}

/** A batch submitted while `operation` is held before its audit event, after it updated the stay. */
async function batchDuring(operation: (db: Db) => Promise<unknown>, { fenced = true }: { fenced?: boolean } = {}) {
  const paused = holdBeforeCreate(testDb.db, "auditEvent");
  const operating = operation(paused.db);
  await paused.paused;
  const batching = insertBatch({ fenced });
  const waited = await someoneWaitsForALock(testDb.db, 5_000);
  paused.release();
  const [batch, op] = await Promise.allSettled([batching, operating]);
  return { waited, batch: outcome(batch), op: outcome(op) };
}

/**
 * The next connection taken from `db`'s pool stops before its INSERT into Observation until `release` is called;
 * `paused` resolves when it has stopped.
 */
function holdObservationInsert(db: Db): { paused: Promise<void>; release: () => void } {
  let signal = () => {};
  let release = () => {};
  const paused = new Promise<void>((resolve) => (signal = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  postgresPool(db).once("acquire", (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    client.query = ((...args: unknown[]) => {
      if (typeof args[0] !== "string" || !args[0].includes('INSERT INTO "Observation"')) return query(...args);
      client.query = query as typeof client.query;
      signal();
      return released.then(() => query(...args));
    }) as typeof client.query;
  });
  return { paused, release };
}

describe.runIf(process.env.TEST_DATABASE === "postgres")(
  "a batch of readings beside a stay's move or discharge",
  () => {
    it("waits for a move of its stay (an ADT^A02) that began before it, and both commit", async () => {
      const { waited, batch, op } = await batchDuring((db) =>
        moveStay({ db, input: { stayId: episode.stayId, toBedId: "test-bed-2" }, actor: null, context: null }),
      );
      // The interleaving was the losing one: the batch came to the stay's row while the move held it.
      expect(waited).toBe(true);
      expect(op).toBe("committed");
      expect(batch).toBe("committed");
      expect(await testDb.db.observation.count({ where: { stayId: episode.stayId } })).toBe(5);
      expect(await testDb.db.stay.findUniqueOrThrow({ where: { id: episode.stayId } })).toMatchObject({
        bedId: "test-bed-2",
        openBedKey: "test-bed-2",
      });
    }, 30_000);

    it("does the same for a batch of another producer (no fence: the HL7 and FHIR routes)", async () => {
      const { waited, batch, op } = await batchDuring(
        (db) => moveStay({ db, input: { stayId: episode.stayId, toBedId: "test-bed-2" }, actor: null, context: null }),
        { fenced: false },
      );
      expect(waited).toBe(true);
      expect(op).toBe("committed");
      expect(batch).toBe("committed");
      expect(await testDb.db.observation.count({ where: { stayId: episode.stayId } })).toBe(5);
    }, 30_000);

    it("waits for a discharge of its stay that ends the support (death) and began before it, and both commit", async () => {
      const { waited, batch, op } = await batchDuring((db) =>
        dischargeStay({
          db,
          input: { stayId: episode.stayId, disposition: "death" },
          actor: null,
          context: null,
        }),
      );
      expect(waited).toBe(true);
      expect(op).toBe("committed");
      expect(batch).toBe("committed");
      expect(await testDb.db.observation.count({ where: { stayId: episode.stayId } })).toBe(5);
      expect(await testDb.db.stay.findUniqueOrThrow({ where: { id: episode.stayId } })).toMatchObject({
        openBedKey: null,
        openPatientKey: null,
      });
    }, 30_000);

    it("keeps its stays locked from before its INSERT to its commit: a move that begins in between waits", async () => {
      // The batch has locked its stay and is held before its INSERT; a move of the stay begins.
      const held = holdObservationInsert(testDb.db);
      const batching = insertBatch({ fenced: false });
      await held.paused;
      const paused = holdBeforeCreate(testDb.db, "auditEvent");
      const operating = moveStay({
        db: paused.db,
        input: { stayId: episode.stayId, toBedId: "test-bed-2" },
        actor: null,
        context: null,
      });
      // The move waits for the batch's lock of the stay; were that lock released before the INSERT (a statement
      // outside the batch's transaction), the move would update the stay and reach its audit event.
      await Promise.race([paused.paused, someoneWaitsForALock(testDb.db, 5_000)]);
      held.release();
      await Promise.race([batching.catch(() => undefined), someoneWaitsForALock(testDb.db, 5_000)]);
      paused.release();
      const [batch, op] = await Promise.allSettled([batching, operating]);
      expect(outcome(op)).toBe("committed");
      expect(outcome(batch)).toBe("committed");
      expect(await testDb.db.observation.count({ where: { stayId: episode.stayId } })).toBe(5);
    }, 30_000);
  },
);
