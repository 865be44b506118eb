import Database from "better-sqlite3";
import { ZSeriesQuery } from "@/lib/bed/series";
import { createDb, type Db } from "@/lib/db/client";
import { getParameterSeries } from "@/lib/db/series/get-parameter-series";
import { createTestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";

const SECOND = 1_000;
const WEEK_S = 7 * 24 * 3600;

/**
 * Server time to answer a 7-day trend of one parameter stored at 1 Hz (604,800 readings) downsampled to 1,500 px,
 * through the real operation (lib/db/series/get-parameter-series.ts). A second parameter at 1 Hz is stored
 * alongside so that the parameter's rows are interleaved in the table as a live bed's are. A one-second dip and a
 * one-second spike are planted and must come back in the answer.
 */
export async function benchSeries({ runs = 10, width = 1_500 }: { runs?: number; width?: number } = {}): Promise<
  Record<string, string | number>
> {
  const test = await createTestDb();
  const now = Date.now();
  const start = now - WEEK_S * SECOND;
  const world = await seedTestEpisode(test.db, { startedAt: new Date(start - 60 * SECOND) });
  // Raw inserts with Prisma closed: its driver adapter carries its own SQLite, and a second copy's connection
  // closing in the same process would drop Prisma's locks (see get-parameter-series.test.ts).
  await test.db.$disconnect();
  const dipAt = start + 345_678 * SECOND;
  const spikeAt = start + 12_345 * SECOND;
  const loadStarted = performance.now();
  const raw = new Database(test.path);
  raw.pragma("journal_mode = WAL");
  const insert = raw.prepare(
    `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
     VALUES (?,?,?,?,?,?,?,?,?,'device',?)`,
  );
  raw.transaction(() => {
    for (let i = 0; i < WEEK_S; i += 1) {
      const at = start + i * SECOND;
      const flow = at === dipAt ? 0.4 : at === spikeAt ? 7.9 : 3.5 + 0.15 * Math.sin(i / 97) + 0.05 * Math.sin(i / 7);
      const where = [world.episodeId, world.stayId, world.bedId, world.unitId] as const;
      insert.run(...where, "ecmo_flow", flow, "L/min", at, at, `f${i}`);
      insert.run(...where, "ecmo_rpm", 3200 + (i % 40), "/min", at, at, `r${i}`);
    }
  })();
  raw.close();
  const loadMs = performance.now() - loadStarted;

  const query = ZSeriesQuery.parse({
    parameter: "ecmo_flow",
    from: String(start),
    to: String(start + (WEEK_S - 1) * SECOND),
    width: String(width),
  });
  const measure = async (db: Db) => {
    const times: number[] = [];
    let points = 0;
    let extremesKept = false;
    for (let run = -2; run < runs; run += 1) {
      const t0 = performance.now();
      const series = await getParameterSeries({ db, bedId: world.bedId, query, now: new Date(now) });
      const elapsed = performance.now() - t0;
      if (run >= 0) times.push(elapsed);
      points = series.points.length;
      extremesKept =
        series.points.some((p) => p.t === dipAt && p.v === 0.4) &&
        series.points.some((p) => p.t === spikeAt && p.v === 7.9);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)] ?? NaN, max: times.at(-1) ?? NaN, points, extremesKept };
  };

  const db = await createDb(test.url);
  const covering = await measure(db);
  await db.$disconnect();

  // For the record: the same query with the schema's former, non-covering index (one table lookup per reading).
  const swap = new Database(test.path);
  swap.exec(`DROP INDEX "Observation_stayId_parameter_observedAt_value_idx";
             CREATE INDEX "Observation_stayId_parameter_observedAt_idx" ON "Observation"("stayId","parameter","observedAt");`);
  swap.close();
  const db2 = await createDb(test.url);
  const former = await measure(db2);
  await db2.$disconnect();
  await test.cleanup();

  return {
    "readings of the parameter": WEEK_S,
    "rows in the table": 2 * WEEK_S,
    "load (raw inserts), s": (loadMs / 1000).toFixed(1),
    "width, px": width,
    "points answered": covering.points,
    "1 s dip and spike kept": String(covering.extremesKept),
    [`median of ${runs} runs, ms`]: covering.median.toFixed(1),
    "slowest run, ms": covering.max.toFixed(1),
    "median, former non-covering index, ms": former.median.toFixed(1),
  };
}
