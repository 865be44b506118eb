import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";
import { seedDemoUnit } from "@/lib/db/demo/seed-demo-unit";
import { EpisodeDirectory } from "../ingest/episode-directory";
import { ObservationWriter } from "../ingest/observation-writer";
import type { ReadingSink } from "@/lib/observations/reading-sink";
import type { Logger } from "@/lib/log/logger";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { startSimulator, type Simulator } from "./start-simulator";

const SEEDED_AT = new Date("2026-11-23T10:00:02.500Z");
let t: TestDb;
let clockMs: number;
let writer: ObservationWriter;
let submits: TReadingInput[][];
let sink: ReadingSink;
type TLogFn = (message: string, details?: unknown) => void;
let warn: ReturnType<typeof vi.fn<TLogFn>>;
let error: ReturnType<typeof vi.fn<TLogFn>>;
let log: Logger;
const running: Simulator[] = [];
const now = () => new Date(clockMs);

const start = async (options: Partial<Parameters<typeof startSimulator>[0]> = {}) => {
  // A long tick keeps the timer out of the way: these tests step the simulator with tick().
  const simulator = await startSimulator({
    sink,
    db: t.db,
    seed: 1,
    now,
    log,
    tickMs: 60_000,
    backfillWindowMs: 3_600_000,
    ...options,
  });
  running.push(simulator);
  return simulator;
};
const stored = () => t.db.observation.count();
/**
 * The beds the seeder admitted a patient to, with the episode it put each on: the demo leaves a bed free by design
 * (DEMO_SCENARIO_ORDER's null, e2e/support/station-env.ts DEMO_FREE_BED), and the simulator feeds the others only.
 */
const seededBeds = async () => {
  const stays = await t.db.stay.findMany({
    where: { dischargedAt: null },
    select: { bedId: true, episodes: { where: { endedAt: null }, select: { id: true } } },
  });
  return stays.map((s) => ({ bedId: s.bedId, episodeIds: s.episodes.map((e) => e.id) }));
};
/** A sink answering submit as given; the simulator checks nothing itself, so never calls submitValid. */
const sinkOf = (submit: ReadingSink["submit"]): ReadingSink => ({
  submit,
  submitValid: () => Promise.reject(new Error("the simulator does not call submitValid")),
});

beforeEach(async () => {
  t = await createTestDb();
  clockMs = SEEDED_AT.getTime();
  await seedDemoUnit({ db: t.db, now: SEEDED_AT });
  writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now });
  submits = [];
  sink = sinkOf((readings) => (submits.push([...readings]), writer.submit(readings)));
  warn = vi.fn<TLogFn>();
  error = vi.fn<TLogFn>();
  log = { info: () => {}, warn, error };
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await writer.drain();
  await t.cleanup();
});

describe("startSimulator", () => {
  it("backfills every demo bed through the write path with nothing rejected and nothing in the future", async () => {
    const simulator = await start();
    const beds = await seededBeds();
    expect(beds.length).toBeGreaterThan(1);
    expect(beds.map((b) => b.bedId)).not.toContain("demo-bed-7");
    expect([...simulator.bedIds()].sort()).toEqual(beds.map((b) => b.bedId).sort());
    expect(warn).not.toHaveBeenCalled();
    expect(await stored()).toBeGreaterThan(beds.length * 30 * 10);
    const latest = await t.db.observation.findFirstOrThrow({ orderBy: { observedAt: "desc" } });
    expect(latest.observedAt.getTime()).toBeLessThanOrEqual(SEEDED_AT.getTime());
    const labs = await t.db.observation.count({ where: { parameter: "platelets", bedId: "demo-bed-8" } });
    expect(labs).toBeGreaterThanOrEqual(6);
  });

  it("submits one batch per tick for all beds, stamped at the tick time aligned on tickMs", async () => {
    const simulator = await start({ tickMs: 5_000 });
    const episodeIds = (await seededBeds()).flatMap((b) => b.episodeIds);
    submits = [];
    clockMs += 4_000;
    await simulator.tick();
    expect(submits).toHaveLength(1);
    const tickAt = Math.floor(clockMs / 5_000) * 5_000;
    const devices = submits[0]?.filter((r) => r.parameter === "map") ?? [];
    expect([...new Set(devices.map((r) => r.episodeId))].sort()).toEqual([...episodeIds].sort());
    expect(devices.every((r) => r.observedAt.getTime() === tickAt)).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it("cuts and restores one bed's feed", async () => {
    const simulator = await start({ tickMs: 5_000 });
    const beds = await seededBeds();
    const bedsIn = () => new Set((submits.at(-1) ?? []).map((r) => (r.episodeId ?? "").replace("episode", "bed")));
    simulator.setBedFeed("demo-bed-3", false);
    clockMs += 5_000;
    await simulator.tick();
    expect(bedsIn().has("demo-bed-3")).toBe(false);
    expect([...bedsIn()].sort()).toEqual(
      beds
        .map((b) => b.bedId)
        .filter((b) => b !== "demo-bed-3")
        .sort(),
    );
    simulator.setBedFeed("demo-bed-3", true);
    clockMs += 5_000;
    await simulator.tick();
    expect(bedsIn().has("demo-bed-3")).toBe(true);
  });

  it("stores a tick regenerated after a restart once", async () => {
    const first = await start({ tickMs: 5_000 });
    clockMs += 5_000;
    await first.tick();
    await first.stop();
    const count = await stored();
    clockMs = SEEDED_AT.getTime();
    const second = await start({ tickMs: 5_000 });
    clockMs += 5_000;
    await second.tick();
    expect(await stored()).toBe(count);
  });

  it("logs a rejected reading with its reason, and survives a sink that throws", async () => {
    const rejecting = sinkOf((readings) =>
      Promise.resolve(
        readings.map((): TWriteResult => ({
          status: "rejected",
          rejection: { code: "IMPLAUSIBLE_VALUE", field: "value", message: "too high" },
        })),
      ),
    );
    const simulator = await start({ sink: rejecting, backfillWindowMs: 0 });
    const [message, details] = warn.mock.calls[0] ?? [];
    expect(message).toContain("rejected");
    expect(details).toEqual(
      expect.arrayContaining([
        {
          reading: expect.anything() as unknown,
          reason: { code: "IMPLAUSIBLE_VALUE", field: "value", message: "too high" },
        },
      ]),
    );
    await simulator.stop();
    const throwing = sinkOf(() => Promise.reject(new Error("disk full")));
    const again = await start({ sink: throwing, tickMs: 5_000, backfillWindowMs: 0 });
    clockMs += 5_000;
    await expect(again.tick()).resolves.toBeUndefined();
    expect(error.mock.calls[0]?.[0]).toContain("failed");
    expect(error.mock.calls[0]?.[1]).toBeInstanceOf(Error);
  });

  it("ticks on its own timer and leaves no timer behind after stop()", async () => {
    clockMs = Date.now();
    const counting = sinkOf(
      (readings) => (
        submits.push([...readings]),
        Promise.resolve(readings.map((): TWriteResult => ({ status: "duplicate" })))
      ),
    );
    const simulator = await startSimulator({ sink: counting, db: t.db, seed: 1, log, tickMs: 40, backfillWindowMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await simulator.stop();
    const ticks = submits.length;
    expect(ticks).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(submits.length).toBe(ticks);
  });
});
