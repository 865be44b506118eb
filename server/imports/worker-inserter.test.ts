import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TReadingInput } from "@/lib/observations/reading";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { createTestDb, testsUsePostgres, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { WorkerInserter } from "./worker-inserter";

let t: TestDb;
let ep: TestEpisode;
let inserter: WorkerInserter;
let writer: ObservationWriter;
const NOW = new Date("2026-11-23T10:00:00Z");

const reading = (i: number, overrides: Partial<TReadingInput> = {}): TReadingInput => ({
  episodeId: ep.episodeId,
  parameter: "lactate",
  value: 2 + i / 100,
  unit: "mmol/L",
  observedAt: new Date(NOW.getTime() - 3_600_000 + i * 1_000),
  source: "csv",
  sourceRef: `csv:${i}`,
  ...overrides,
});

const stored = () => {
  const raw = new Database(t.path, { readonly: true });
  try {
    return raw.prepare(`SELECT "sourceRef", "value", "bedId" FROM "Observation" ORDER BY "seq"`).all() as {
      sourceRef: string;
      value: number;
      bedId: string;
    }[];
  } finally {
    raw.close();
  }
};

beforeEach(async () => {
  t = await createTestDb();
  ep = await seedTestEpisode(t.db, { startedAt: new Date(NOW.getTime() - 86_400_000) });
  inserter = new WorkerInserter(t.path);
  writer = new ObservationWriter({
    db: t.db,
    episodes: new EpisodeDirectory(t.db),
    now: () => NOW,
    maxBatch: 4,
    insert: inserter.insert,
  });
});
afterEach(async () => {
  await writer.drain();
  await inserter.close();
  await t.cleanup();
});

// The writer thread is the import CLI's on SQLite only (server/imports/cli.ts): on PostgreSQL the CLI commits through
// the pool, whose batch insert the other database tests cover. Nothing of this applies there.
describe.skipIf(testsUsePostgres())("WorkerInserter (the import CLI's writer thread)", () => {
  it("commits on its own connection and answers as the shared connection does: seq, or duplicate by reference or content", async () => {
    const first = await writer.submit([reading(1), reading(2), reading(3)]);
    expect(first.map((r) => r.status)).toEqual(["stored", "stored", "stored"]);
    const again = await writer.submit([
      reading(1),
      reading(2, { sourceRef: "fhir:Observation/2", source: "fhir" }),
      reading(4),
    ]);
    expect(again.map((r) => r.status)).toEqual(["duplicate", "duplicate", "stored"]);
    expect(stored().map((r) => r.sourceRef)).toEqual(["csv:1", "csv:2", "csv:3", "csv:4"]);
    expect(stored()[0]).toMatchObject({ value: 2.01, bedId: ep.bedId });
  });

  it("inserts each series' readings together, in file order within a series, and answers each reading in its place", async () => {
    // Two series interleaved as a device export has them, a content duplicate of the first reading under another
    // reference, and a reading repeated by reference.
    const flow = (i: number, overrides: Partial<TReadingInput> = {}) =>
      reading(i, {
        parameter: "ecmo_flow",
        unit: "L/min",
        value: 4 + i / 100,
        sourceRef: `csv:flow:${i}`,
        ...overrides,
      });
    const answers = await writer.submit([
      reading(1),
      flow(1),
      reading(2),
      flow(2),
      reading(1, { sourceRef: "csv:again" }),
      flow(2),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["stored", "stored", "stored", "stored", "duplicate", "duplicate"]);
    expect(stored().map((r) => r.sourceRef)).toEqual(["csv:1", "csv:2", "csv:flow:1", "csv:flow:2"]);
    // Each answer carries its own reading's seq: the lactates were inserted first (seq 1, 2), then the flows (3, 4).
    expect(answers.slice(0, 4)).toEqual([
      { status: "stored", seq: 1 },
      { status: "stored", seq: 3 },
      { status: "stored", seq: 2 },
      { status: "stored", seq: 4 },
    ]);
  });

  it("commits a batch whole or not at all, and says why", async () => {
    const raw = new Database(t.path);
    raw.exec(
      `CREATE TRIGGER fail BEFORE INSERT ON "Observation" WHEN NEW."sourceRef" = 'csv:3' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`,
    );
    raw.close();
    await expect(writer.submit([reading(1), reading(2), reading(3)])).rejects.toThrow("disk trouble");
    expect(stored()).toHaveLength(0);
    // The thread goes on: the next batch commits.
    await expect(writer.submit([reading(5)])).resolves.toMatchObject([{ status: "stored" }]);
  });
});
