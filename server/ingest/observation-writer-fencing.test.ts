import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/log/logger";
import type { TReadingInput } from "@/lib/observations/reading";
import { claimLeaderEpoch, FencedError } from "@/lib/db/cluster/leader-epoch";
import { createTestDb, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { startSimulator } from "../simulator/start-simulator";
import { EpisodeDirectory } from "./episode-directory";
import { ObservationWriter } from "./observation-writer";

let t: TestDb;
let ep: TestEpisode;
let writer: ObservationWriter;
const NOW = new Date("2026-11-23T10:00:00Z");

const reading = (sourceRef: string, source: TReadingInput["source"] = "simulator"): TReadingInput => ({
  episodeId: ep.episodeId,
  parameter: "lactate",
  value: 3.4,
  unit: "mmol/L",
  observedAt: new Date(NOW.getTime() - 60_000),
  source,
  sourceRef,
});

/** What another connection reads back: what was committed. */
const storedRefs = async () =>
  (await readOnOtherConnection<{ sourceRef: string }>(t, `SELECT "sourceRef" FROM "Observation" ORDER BY "seq"`)).map(
    (row) => row.sourceRef,
  );

beforeEach(async () => {
  t = await createTestDb();
  ep = await seedTestEpisode(t.db, { startedAt: new Date(NOW.getTime() - 86_400_000) });
  writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
});
afterEach(async () => {
  await writer.drain();
  await t.cleanup();
});

describe("a leader-only producer's readings (ObservationWriter.fenced)", () => {
  it("commit while the database holds their term, and are refused with nothing stored once another node leads", async () => {
    const term = await claimLeaderEpoch({ db: t.db, nodeId: "node-a", now: NOW });
    const sink = writer.fenced(term);
    expect(await sink.submit([reading("during-term")])).toMatchObject([{ status: "stored" }]);

    // Node A stalls; node B takes the lead. A wakes and its simulator submits its next tick.
    await claimLeaderEpoch({ db: t.db, nodeId: "node-b", now: NOW });
    await expect(sink.submit([reading("after-term")])).rejects.toBeInstanceOf(FencedError);
    expect(await storedRefs()).toEqual(["during-term"]);
  });

  it("never share a transaction with another producer's readings, which a refusal must not take down", async () => {
    const term = await claimLeaderEpoch({ db: t.db, nodeId: "node-a", now: NOW });
    await claimLeaderEpoch({ db: t.db, nodeId: "node-b", now: NOW });
    // Submitted in the same tick: the writer would otherwise put them in one batch.
    const [fenced, other] = await Promise.allSettled([
      writer.fenced(term).submit([reading("stale-leader")]),
      writer.submit([reading("mllp-1", "hl7")]),
    ]);
    expect(fenced.status).toBe("rejected");
    expect(other).toMatchObject({ status: "fulfilled", value: [{ status: "stored" }] });
    expect(await storedRefs()).toEqual(["mllp-1"]);
  });

  it("keep a stalled former leader's simulator from writing a tick", async () => {
    const term = await claimLeaderEpoch({ db: t.db, nodeId: "node-a", now: NOW });
    await t.db.supportEpisode.update({ where: { id: ep.episodeId }, data: { scenario: "stable_va_ecmo" } });
    let clock = NOW.getTime();
    const simulator = await startSimulator({
      sink: writer.fenced(term),
      db: t.db,
      seed: 1,
      tickMs: 1_000,
      now: () => new Date(clock),
      log: silentLogger,
      backfillWindowMs: 60_000,
      backfillStepMs: 30_000,
      refreshMs: 3_600_000,
    });
    try {
      clock += 5_000;
      await simulator.tick();
      const stored = (await storedRefs()).length;
      expect(stored).toBeGreaterThan(0);
      await claimLeaderEpoch({ db: t.db, nodeId: "node-b", now: NOW });
      clock += 5_000;
      await simulator.tick();
      expect((await storedRefs()).length).toBe(stored);
    } finally {
      await simulator.stop();
    }
  });
});
