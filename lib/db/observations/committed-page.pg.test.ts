import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCommittedPage } from "@/lib/changes/change";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { listenForCommits } from "../changes/announce-commit";
import { readChangesSince } from "../changes/read-changes-since";
import { recordDocumentChange } from "../changes/record-document-change";
import { insertObservations } from "./insert-observations";

/*
 * The page a PostgreSQL commit of readings is announced with (insert-observations.ts): the feeds of every node take it
 * instead of reading the logs, so it must be exactly what a read from its `from` would give, and its `from` must be
 * where the logs stood, whatever other transactions commit beside it.
 */
let testDb: TestDb;
let episode: TestEpisode;
const pages: TCommittedPage[] = [];
let stopListening = (): void => undefined;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
  pages.length = 0;
  stopListening = listenForCommits(testDb.db, (page) => {
    if (page) pages.push(page);
  });
});
afterEach(async () => {
  stopListening();
  await testDb.cleanup();
});

let n = 0;
const reading = (overrides: Partial<TValidReading> = {}): TValidReading => ({
  ...episode,
  parameter: "map",
  value: 60 + (n % 30),
  unit: "mm[Hg]",
  observedAt: new Date(Date.now() - 600_000 + (n += 1)),
  source: "device",
  sourceRef: `page-${n}`,
  ...overrides,
});

const insert = (readings: TValidReading[]) => insertObservations({ db: testDb.db, readings, receivedAt: new Date() });

describe("the page a commit of readings is announced with (PostgreSQL)", () => {
  it("is what the change feed would read from where it starts, after rows in all three logs", async () => {
    await insert([reading(), reading()]);
    await testDb.db.$transaction((tx) =>
      recordDocumentChange({
        db: tx,
        change: { type: "stay:changed", unitId: episode.unitId, bedId: episode.bedId, stayId: episode.stayId },
        now: new Date(),
      }),
    );
    await testDb.db.alarmEvent.create({
      data: { unitId: episode.unitId, type: "audio-paused", at: new Date(), details: { until: Date.now() } },
    });
    pages.length = 0;
    // One stored before (skipped, so no seq and not on the page), one sent twice in the batch.
    const again = reading({ sourceRef: "page-again" });
    await insert([again]);
    pages.length = 0;
    const batch = [reading(), again, reading({ parameter: "ecmo_flow", value: 3.8, unit: "L/min" }), reading()];
    const seqs = await insert(batch);
    expect(seqs.filter((s) => s !== null)).toHaveLength(3);

    expect(pages).toHaveLength(1);
    const [page] = pages as [TCommittedPage];
    const read = await readChangesSince({ db: testDb.db, cursor: { ...page.span.from } });
    expect(page.changes).toEqual(read.changes);
    expect(page.span.to).toEqual(read.cursor);
    expect(page.span.from.alarm).toBeGreaterThan(0);
    expect(page.span.from.document).toBeGreaterThan(0);
  });

  it("chains commits made side by side: each page starts where the one committed before it ended", async () => {
    const writers = 4;
    const rounds = 15;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let r = 0; r < rounds; r += 1)
          await insert(Array.from({ length: 1 + ((w + r) % 5) }, () => reading({ value: 50 + w })));
      }),
    );
    expect(pages).toHaveLength(writers * rounds);
    const ordered = [...pages].sort((a, b) => a.span.from.observation - b.span.from.observation);
    const told: number[] = [];
    let at = (await readChangesSince({ db: testDb.db, cursor: { observation: 0, alarm: 0, document: 0 } })).changes[0]
      ?.seq;
    expect(at).toBeDefined();
    at = (at ?? 0) - 1;
    for (const page of ordered) {
      expect(page.span.from.observation).toBe(at);
      told.push(...page.changes.map((c) => c.seq));
      at = page.span.to.observation;
    }
    const stored = await testDb.db.observation.findMany({ select: { seq: true }, orderBy: { seq: "asc" } });
    expect(told).toEqual(stored.map((r) => Number(r.seq)));
  });

  it("is not announced for a batch with a laboratory result, nor for one that stored nothing", async () => {
    const first = reading({ sourceRef: "stored-once" });
    await insert([first]);
    expect(pages).toHaveLength(1);
    await insert([first]);
    await insert([
      reading({
        parameter: "lactate",
        value: 2.1,
        unit: "mmol/L",
        source: "hl7",
        lab: { status: "final", resultKey: "order-1|lactate", valueSent: true },
      }),
    ]);
    expect(pages).toHaveLength(1);
    expect(await testDb.db.observation.count()).toBe(2);
  });
});
