import Database from "better-sqlite3";
import pg from "pg";
import seedrandom from "seedrandom";
import { afterEach, describe, expect, it } from "vitest";
import { ZSeriesQuery, ZTrendsQuery } from "@/lib/bed/series";
import { downsampleMinMax, gapThresholdMs } from "@/lib/charts/downsample-min-max";
import { createDb, type Db } from "@/lib/db/client";
import { createTestDb, testsUsePostgres, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { AppError } from "../../errors/app-error";
import { getBedTrends } from "./get-bed-trends";
import { getParameterSeries } from "./get-parameter-series";

const T0 = Date.UTC(2025, 0, 6, 0, 0, 0);
const HOUR = 3_600_000;
const NOW = new Date(T0 + 48 * HOUR);

let test: TestDb | undefined;
let reopened: Db | undefined;
afterEach(async () => {
  await reopened?.$disconnect();
  await test?.cleanup();
  test = undefined;
  reopened = undefined;
});

type TRows = readonly { parameter: string; samples: readonly { t: number; v: number }[]; episodeId?: string }[];

/**
 * Raw inserts (a day of 5 s readings loads in a blink), with Prisma closed meanwhile: its driver adapter carries its
 * own copy of SQLite, and closing a second copy's connection in the same process drops the first one's POSIX locks
 * and deletes the WAL under it ("database disk image is malformed"). Returns the database opened again.
 */
async function insert(world: TestEpisode, rows: TRows): Promise<Db> {
  if (!test) throw new Error("no test database");
  if (testsUsePostgres()) return insertOnPostgres(test, world, rows);
  await test.db.$disconnect();
  const raw = new Database(test.path);
  const statement = raw.prepare(
    // The stay is the episode's (a row of another episode, a previous patient's, belongs to that one's stay).
    `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
     VALUES (?,(SELECT "stayId" FROM "SupportEpisode" WHERE "id" = ?),?,?,?,?,'x',?,?,'device',?)`,
  );
  raw.transaction(() => {
    for (const { parameter, samples, episodeId = world.episodeId } of rows) {
      for (const s of samples)
        statement.run(
          episodeId,
          episodeId,
          world.bedId,
          world.unitId,
          parameter,
          s.v,
          s.t,
          s.t,
          `${episodeId}-${parameter}-${s.t}`,
        );
    }
  })();
  raw.close();
  reopened = await createDb(test.url);
  return reopened;
}

/** The same rows on PostgreSQL, in one statement on a connection of its own (nothing to close there). */
async function insertOnPostgres(t: TestDb, world: TestEpisode, rows: TRows): Promise<Db> {
  const columns: [string[], string[], number[], number[], string[]] = [[], [], [], [], []];
  for (const { parameter, samples, episodeId = world.episodeId } of rows)
    for (const s of samples) {
      columns[0].push(episodeId);
      columns[1].push(parameter);
      columns[2].push(s.v);
      columns[3].push(s.t);
      columns[4].push(`${episodeId}-${parameter}-${s.t}`);
    }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef")
       SELECT r.e, (SELECT se."stayId" FROM "SupportEpisode" se WHERE se."id" = r.e), $6, $7, r.p, r.v, 'x', TIMESTAMP '1970-01-01' + r.t * INTERVAL '1 millisecond',
              TIMESTAMP '1970-01-01' + r.t * INTERVAL '1 millisecond', 'device', r.ref
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::bigint[], $5::text[]) AS r(e, p, v, t, ref)`,
      [...columns, world.bedId, world.unitId],
    );
  } finally {
    await client.end();
  }
  return t.db;
}

async function setup() {
  test = await createTestDb();
  const world = await seedTestEpisode(test.db, { startedAt: new Date(T0) });
  return { db: test.db, world };
}

const query = (q: Record<string, string>) => ZSeriesQuery.parse(q);

describe("getParameterSeries", () => {
  it("answers exactly what the pure downsampling gives for the same readings, gaps included", async () => {
    const { world } = await setup();
    const random = seedrandom("series");
    const samples: { t: number; v: number }[] = [];
    // A day of 5 s readings with noise, a one-sample dip, a one-sample spike, repeated values and a 40 min outage.
    for (let t = T0; t < T0 + 24 * HOUR; t += 5_000) {
      if (t >= T0 + 10 * HOUR && t < T0 + 10 * HOUR + 40 * 60_000) continue;
      samples.push({ t, v: Math.round((3.5 + (random() - 0.5) * 0.4) * 100) / 100 });
    }
    samples[5_000] = { t: samples[5_000]?.t ?? 0, v: 0.3 };
    samples[9_000] = { t: samples[9_000]?.t ?? 0, v: 7.7 };
    const db = await insert(world, [
      { parameter: "ecmo_flow", samples },
      { parameter: "ecmo_rpm", samples: samples.map((s) => ({ t: s.t, v: 3000 })) },
    ]);

    const from = T0 + 3_600_000;
    const to = T0 + 20 * HOUR;
    // 13,680 readings in the range: columns answered by SQL buckets at 1,500 px and below (more than eight readings
    // a column), by the readings themselves at 2,000 px (~7 a column), and for a two-hour window at 4,000 px
    // (1,441 readings, both ends included).
    for (const width of [2000, 1500, 333, 10]) {
      const series = await getParameterSeries({
        db,
        bedId: world.bedId,
        query: query({ parameter: "ecmo_flow", from: String(from), to: String(to), width: String(width) }),
        now: NOW,
      });
      const expected = downsampleMinMax(samples, { from, to, width, maxGapMs: gapThresholdMs(5) });
      expect(series.points).toEqual(expected);
      expect(series.points.length).toBeLessThanOrEqual(2 * width + 1);
    }
    const narrow = { from: T0 + 11 * HOUR, to: T0 + 13 * HOUR, width: 4000 };
    const sparse = await getParameterSeries({
      db,
      bedId: world.bedId,
      query: query({ parameter: "ecmo_flow", from: String(narrow.from), to: String(narrow.to), width: "4000" }),
      now: NOW,
    });
    expect(sparse.points).toEqual(downsampleMinMax(samples, { ...narrow, maxGapMs: gapThresholdMs(5) }));
    expect(sparse.points.length).toBe(1441);
    const full = await getParameterSeries({
      db,
      bedId: world.bedId,
      query: query({ parameter: "ecmo_flow", width: "1500" }),
      now: NOW,
    });
    expect(full.points.filter((p) => p.v === null)).toHaveLength(1);
    expect(full.points).toContainEqual({ t: samples[5_000]?.t, v: 0.3 });
    expect(full.points).toContainEqual({ t: samples[9_000]?.t, v: 7.7 });
  });

  it("clamps the range to the active episode and reads no other episode's readings", async () => {
    const { db: seeded, world } = await setup();
    await seeded.stay.create({
      data: {
        id: "old-stay",
        patientId: "test-patient-1",
        unitId: world.unitId,
        bedId: world.bedId,
        admittedAt: new Date(T0 - 48 * HOUR),
        dischargedAt: new Date(T0 - HOUR),
      },
    });
    await seeded.supportEpisode.create({
      data: {
        id: "old",
        stayId: "old-stay",
        patientId: "test-patient-1",
        bedId: world.bedId,
        deviceType: "VA_ECMO",
        startedAt: new Date(T0 - 48 * HOUR),
        endedAt: new Date(T0 - HOUR),
      },
    });
    const db = await insert(world, [
      { parameter: "hr", samples: [{ t: T0 - 2 * HOUR, v: 150 }], episodeId: "old" },
      {
        parameter: "hr",
        samples: [
          { t: T0 + HOUR, v: 80 },
          { t: T0 + 2 * HOUR, v: 82 },
        ],
      },
    ]);
    const series = await getParameterSeries({
      db,
      bedId: world.bedId,
      query: query({ parameter: "hr", from: String(T0 - 10 * HOUR), width: "500" }),
      now: NOW,
    });
    expect(series.from).toBe(T0);
    expect(series.to).toBe(NOW.getTime());
    expect(series.episodeId).toBe(world.episodeId);
    // Two readings an hour apart: more than 5 min, so a break between them.
    expect(series.points.map((p) => p.v)).toEqual([80, null, 82]);
    expect(series.lastSeq).toBe(3);
  });

  it("says NOT_FOUND for an unknown bed and for an empty one", async () => {
    const { db, world } = await setup();
    await expect(
      getParameterSeries({ db, bedId: "nope", query: query({ parameter: "hr", width: "100" }) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.supportEpisode.update({ where: { id: world.episodeId }, data: { endedAt: new Date(T0 + HOUR) } });
    const error: unknown = await getParameterSeries({
      db,
      bedId: world.bedId,
      query: query({ parameter: "hr", width: "100" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
  });
});

describe("getBedTrends", () => {
  it("answers several parameters in one go, each as the single-parameter series would", async () => {
    const { world } = await setup();
    const samples = Array.from({ length: 3000 }, (_, i) => ({ t: T0 + i * 5_000, v: 3 + (i % 17) / 10 }));
    const db = await insert(world, [
      { parameter: "ecmo_flow", samples },
      { parameter: "hr", samples: samples.map((s) => ({ t: s.t, v: 80 + s.v })) },
    ]);
    const trends = await getBedTrends({
      db,
      bedId: world.bedId,
      query: ZTrendsQuery.parse({ parameters: "ecmo_flow,hr,hr,map", width: "300" }),
      now: NOW,
    });
    expect(trends.series.map((s) => s.parameter)).toEqual(["ecmo_flow", "hr", "map"]);
    for (const series of trends.series) {
      const single = await getParameterSeries({
        db,
        bedId: world.bedId,
        query: query({ parameter: series.parameter, width: "300" }),
        now: NOW,
      });
      expect(series).toEqual(single);
    }
    expect(ZTrendsQuery.safeParse({ parameters: "hr,flow", width: "300" }).error?.issues[0]?.path).toEqual([
      "parameters",
      1,
    ]);
  });
});

describe("ZSeriesQuery", () => {
  it("refuses what it cannot read, naming the field", () => {
    const issues = (q: Record<string, string>) => ZSeriesQuery.safeParse(q).error?.issues.map((i) => i.path.join("."));
    expect(issues({ parameter: "flow", width: "100" })).toEqual(["parameter"]);
    expect(issues({ parameter: "hr", width: "100", from: "2025-01-01" })).toEqual(["from"]);
    expect(issues({ parameter: "hr", width: "5" })).toEqual(["width"]);
    expect(issues({ parameter: "hr", width: "100", from: "20", to: "10" })).toEqual(["from"]);
    expect(ZSeriesQuery.parse({ parameter: "hr", width: "100", from: "10" })).toEqual({
      parameter: "hr",
      width: 100,
      from: 10,
    });
  });
});
