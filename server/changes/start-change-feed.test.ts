import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TChange, TChangeLog } from "@/lib/changes/change";
import type { TReadingInput } from "@/lib/observations/reading";
import { announceCommit } from "@/lib/db/changes/announce-commit";
import { recordDocumentChange } from "@/lib/db/changes/record-document-change";
import { createDb, type Db } from "@/lib/db/client";
import { silentLogger } from "@/lib/log/logger";
import { createTestDb, testsUsePostgres, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import { readChangesSince } from "@/lib/db/changes/read-changes-since";
import { startChangeFeed, type ChangeFeed, type TChangeSubscriber } from "./start-change-feed";

let t: TestDb;
let world: TestEpisode;
/** A second connection to the same file: what the import CLI's process is to the station's. */
let elsewhere: Db;
const feeds: ChangeFeed[] = [];

beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  elsewhere = await createDb(t.url);
});
afterEach(async () => {
  for (const feed of feeds.splice(0)) await feed.stop();
  await elsewhere.$disconnect();
  await t.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A subscriber that takes its time (as the broadcaster's reads do) and keeps every seq it was handed, per log. */
function recorder() {
  const seen: Record<TChangeLog, number[]> = { observation: [], alarm: [], document: [] };
  const changes: TChange[] = [];
  const subscriber: TChangeSubscriber = async (page) => {
    for (const c of page) {
      seen[c.log].push(c.seq);
      changes.push(c);
    }
    await sleep(Math.random() * 3);
  };
  return { seen, changes, subscriber };
}

async function start(subscribers: TChangeSubscriber[], intervalMs = 5): Promise<ChangeFeed> {
  const feed = await startChangeFeed({ db: t.db, log: silentLogger, subscribers, intervalMs });
  feeds.push(feed);
  return feed;
}

let n = 0;
const reading = (value: number): TReadingInput => ({
  episodeId: world.episodeId,
  parameter: "lactate",
  value,
  unit: "mmol/L",
  observedAt: new Date(Date.now() - 60_000 + (n += 1)),
  source: "device",
  sourceRef: `feed-test-${n}`,
});

const seqsOf = async (db: Db) => ({
  observation: (await db.observation.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((r) =>
    Number(r.seq),
  ),
  alarm: (await db.alarmEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((r) => Number(r.seq)),
  document: (await db.documentChange.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((r) =>
    Number(r.seq),
  ),
});

describe("the change feed", () => {
  it("hands every committed row of the three logs over once, in seq order, however it is kicked, polled and asked", async () => {
    const { seen, subscriber } = recorder();
    const feed = await start([subscriber]);
    const here = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
    const there = new ObservationWriter({ db: elsewhere, episodes: new EpisodeDirectory(elsewhere) });
    const handover = { type: "handover:changed" as const, unitId: world.unitId, bedId: world.bedId, shiftKey: null };

    const writers = Array.from({ length: 25 }, async (_, i) => {
      await sleep(Math.random() * 20);
      // This process's writer and its route handlers announce their commits; the other connection's are found by
      // the poll only.
      await here.submit([reading(2 + i / 100), reading(2.5 + i / 100)]);
      await there.submit([reading(3 + i / 100)]);
      await t.db.$transaction((tx) => recordDocumentChange({ db: tx, change: handover, now: new Date() }));
      announceCommit(t.db);
      await elsewhere.documentChange.create({
        data: {
          type: "round:signed",
          unitId: world.unitId,
          bedId: world.bedId,
          details: { roundId: `r-${i}` },
          at: new Date(),
        },
      });
      await t.db.alarmEvent.create({
        data: { unitId: world.unitId, type: "audio-paused", at: new Date(), details: {} },
      });
      announceCommit(t.db);
    });
    const askers = Array.from({ length: 40 }, async () => {
      await sleep(Math.random() * 30);
      feed.kick();
      await feed.caughtUp();
    });
    await Promise.all([...writers, ...askers]);
    await feed.caughtUp();

    const stored = await seqsOf(t.db);
    expect(stored.observation).toHaveLength(75);
    expect(stored.document).toHaveLength(50);
    expect(seen).toEqual(stored);
    expect(feed.cursor).toEqual({
      observation: stored.observation.at(-1),
      alarm: stored.alarm.at(-1),
      document: stored.document.at(-1),
    });
  });

  it("hands a reading committed elsewhere over within its poll, with all a subscriber needs to know of it", async () => {
    const { changes, subscriber } = recorder();
    await start([subscriber], 50);
    const there = new ObservationWriter({ db: elsewhere, episodes: new EpisodeDirectory(elsewhere) });
    const [result] = await there.submit([reading(4.6)]);
    await expect.poll(() => changes.length, { timeout: 2_000 }).toBe(1);
    expect(changes[0]).toMatchObject({
      log: "observation",
      seq: result?.status === "stored" ? result.seq : -1,
      observation: {
        stayId: world.stayId,
        episodeId: world.episodeId,
        bedId: world.bedId,
        unitId: world.unitId,
        parameter: "lactate",
        value: 4.6,
        unit: "mmol/L",
        source: "device",
      },
    });
  });

  it("reads nothing of a transaction still open, and so nothing its rollback erases (a seq then given again)", async () => {
    const { changes, subscriber } = recorder();
    const feed = await start([subscriber]);
    let opened!: () => void;
    let release!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = t.db.$transaction(async (tx) => {
      await recordDocumentChange({
        db: tx,
        change: { type: "round:signed", unitId: world.unitId, bedId: world.bedId, roundId: "never-signed" },
        now: new Date(),
      });
      opened();
      await held;
      throw new Error("rolled back");
    });
    await isOpen;
    feed.kick();
    await sleep(60);
    expect(changes).toEqual([]);
    release();
    await expect(rolledBack).rejects.toThrow("rolled back");

    await t.db.$transaction((tx) =>
      recordDocumentChange({
        db: tx,
        change: { type: "round:signed", unitId: world.unitId, bedId: world.bedId, roundId: "signed" },
        now: new Date(),
      }),
    );
    await feed.caughtUp();
    expect(changes).toEqual([
      {
        log: "document",
        // SQLite gives the rolled-back row's seq again; a PostgreSQL sequence never gives a value twice.
        seq: testsUsePostgres() ? 2 : 1,
        change: { type: "round:signed", unitId: world.unitId, bedId: world.bedId, roundId: "signed" },
      },
    ]);
  });

  it("hands a page over again when a subscriber failed, and goes on from there", async () => {
    const { seen, subscriber } = recorder();
    let failures = 1;
    const flaky: TChangeSubscriber = () => {
      if (failures-- > 0) throw new Error("socket layer down");
    };
    const feed = await start([subscriber, flaky], 60_000);
    const here = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
    await here.submit([reading(2.1)]);
    await feed.caughtUp();
    await here.submit([reading(2.2)]);
    await feed.caughtUp();
    const stored = await seqsOf(t.db);
    // The first page was handed over twice (its subscribers go by seq), then the cursor moved on.
    expect(seen.observation).toEqual([stored.observation[0], ...stored.observation]);
    expect(feed.cursor.observation).toBe(stored.observation.at(-1));
  });

  it("leaves out a document change this version cannot read, and says so", async () => {
    const { changes, subscriber } = recorder();
    const warnings: string[] = [];
    const feed = await startChangeFeed({
      db: t.db,
      log: { ...silentLogger, warn: (m) => warnings.push(m) },
      subscribers: [subscriber],
      intervalMs: 60_000,
    });
    feeds.push(feed);
    await t.db.documentChange.create({
      data: { type: "handover:teleported", unitId: world.unitId, bedId: world.bedId, at: new Date() },
    });
    await t.db.$transaction((tx) =>
      recordDocumentChange({
        db: tx,
        change: { type: "handover:changed", unitId: world.unitId, bedId: world.bedId, shiftKey: "2026-12-02/day" },
        now: new Date(),
      }),
    );
    await feed.caughtUp();
    expect(changes.map((c) => c.seq)).toEqual([2]);
    expect(feed.cursor.document).toBe(2);
    expect(warnings).toEqual([expect.stringContaining('DocumentChange 1 of type "handover:teleported"')]);
  });

  it("feeds a second feed the pages it reads: that feed reads the logs again only when it cannot take one", async () => {
    const { subscriber } = recorder();
    const judgedSeen: number[] = [];
    let reads = 0;
    const judged = await startChangeFeed({
      db: t.db,
      log: silentLogger,
      subscribers: [(page) => void judgedSeen.push(...page.map((c) => c.seq))],
      intervalMs: 60_000,
      wakeOnCommit: false,
      readPage: (args) => ((reads += 1), readChangesSince(args)),
    });
    feeds.push(judged);
    const screens = await start([subscriber, (page, span) => judged.offer(page, span)], 60_000);
    const here = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
    for (let i = 0; i < 10; i++) {
      await here.submit([reading(2 + i / 100), reading(2.5 + i / 100)]);
      await screens.caughtUp();
    }
    const stored = await seqsOf(t.db);
    await expect.poll(() => judgedSeen.length).toBe(20);
    expect(judgedSeen).toEqual(stored.observation);
    expect(reads).toBe(0);
  });

  it("takes the page a commit is announced with when it starts where the feed stands, and reads otherwise", async () => {
    let reads = 0;
    const { seen, subscriber } = recorder();
    const feed = await startChangeFeed({
      db: t.db,
      log: silentLogger,
      subscribers: [subscriber],
      intervalMs: 60_000,
      readPage: (args) => ((reads += 1), readChangesSince(args)),
    });
    feeds.push(feed);
    // Committed elsewhere and announced here with its page: another node's commit, whose page came through Redis.
    const there = new ObservationWriter({ db: elsewhere, episodes: new EpisodeDirectory(elsewhere) });
    await there.submit([reading(1.1), reading(1.2)]);
    const page = await readChangesSince({ db: t.db, cursor: { ...feed.cursor } });
    announceCommit(t.db, { changes: page.changes, span: { from: { ...feed.cursor }, to: page.cursor } });
    await feed.caughtUp();
    expect(seen.observation).toEqual(page.changes.map((c) => c.seq));
    expect(reads).toBe(0);
    // A page that starts past the feed (a commit whose message it missed stands between): not taken; it reads both.
    await there.submit([reading(1.3)]);
    const missed = await readChangesSince({ db: t.db, cursor: { ...feed.cursor } });
    await there.submit([reading(1.4)]);
    const next = await readChangesSince({ db: t.db, cursor: missed.cursor });
    announceCommit(t.db, { changes: next.changes, span: { from: missed.cursor, to: next.cursor } });
    await feed.caughtUp();
    expect(reads).toBe(1);
    expect(seen.observation).toEqual((await seqsOf(t.db)).observation);
  });

  it("leaves a second feed that is behind or busy to read for itself, each row once", async () => {
    const here = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db) });
    await here.submit([reading(1.1), reading(1.2), reading(1.3)]);
    const judgedSeen: number[] = [];
    let reads = 0;
    const judged = await startChangeFeed({
      db: t.db,
      log: silentLogger,
      // Slow, as the engine is with a backlog: offers arrive while it is busy, and it starts behind.
      subscribers: [
        async (page) => {
          judgedSeen.push(...page.filter((c) => c.log === "observation").map((c) => c.seq));
          await sleep(15);
        },
      ],
      intervalMs: 60_000,
      wakeOnCommit: false,
      from: { observation: 0 },
      readPage: (args) => ((reads += 1), readChangesSince(args)),
    });
    feeds.push(judged);
    const { subscriber } = recorder();
    const screens = await start([subscriber, (page, span) => judged.offer(page, span)], 5);
    await Promise.all(
      Array.from({ length: 15 }, async (_, i) => {
        await sleep(Math.random() * 40);
        await here.submit([reading(2 + i / 100)]);
      }),
    );
    await screens.caughtUp();
    await judged.caughtUp();
    const stored = await seqsOf(t.db);
    expect(judgedSeen).toEqual(stored.observation);
    expect(reads).toBeGreaterThan(0);
  });
});
