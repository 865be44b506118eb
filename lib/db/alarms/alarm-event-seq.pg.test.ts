import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";

/*
 * The alarm log has no hole on PostgreSQL (prisma/postgres/migrations/20261225000001_alarm_event_seq_without_holes):
 * a transaction that wrote an alarm event and rolled back leaves no seq unused, so an auditor can read every seq of
 * the log as an event that happened. (SQLite's AUTOINCREMENT gives the same without a trigger.)
 */
let testDb: TestDb;
let episode: TestEpisode;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
});
afterEach(() => testDb.cleanup());

const event = (n: number) => ({
  unitId: episode.unitId,
  type: "audio-paused",
  at: new Date(),
  details: { until: Date.now() + n },
});
const seqs = async () =>
  (await testDb.db.alarmEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => Number(e.seq));

describe("the alarm log's seqs on PostgreSQL", () => {
  it("leave no hole where a transaction that wrote an event rolled back", async () => {
    const first = await testDb.db.alarmEvent.create({ data: event(1) });
    await expect(
      testDb.db.$transaction(async (tx) => {
        await tx.alarmEvent.create({ data: event(2) });
        await tx.alarmEvent.createMany({ data: [event(3), event(4)] });
        throw new Error("rolled back after drawing three seqs");
      }),
    ).rejects.toThrow("rolled back");
    const next = await testDb.db.alarmEvent.create({ data: event(5) });
    expect(Number(next.seq)).toBe(Number(first.seq) + 1);
  });

  it("number a statement's rows, and writers side by side, one after another", async () => {
    await testDb.db.alarmEvent.createMany({ data: [event(1), event(2), event(3)] });
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 10; i += 1) {
          // One writer in three rolls back each time: its seqs must be given again.
          await testDb.db
            .$transaction(async (tx) => {
              await tx.alarmEvent.create({ data: event(w * 100 + i) });
              if ((w + i) % 3 === 0) throw new Error("rolled back");
            })
            .catch(() => undefined);
        }
      }),
    );
    const stored = await seqs();
    expect(stored.length).toBeGreaterThan(3);
    expect(stored).toEqual(stored.map((_, i) => i + 1));
  });
});
