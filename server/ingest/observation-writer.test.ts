import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TReadingInput } from "@/lib/observations/reading";
import { createTestDb, readOnOtherConnection, testsUsePostgres, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { EpisodeDirectory } from "./episode-directory";
import { validateReading } from "@/lib/observations/validate-reading";
import { ObservationWriter } from "./observation-writer";

let t: TestDb;
let ep: TestEpisode;
let writer: ObservationWriter;
const NOW = new Date("2026-11-23T10:00:00Z");

const reading = (overrides: Partial<TReadingInput> = {}): TReadingInput => ({
  episodeId: ep.episodeId,
  parameter: "lactate",
  value: 3.4,
  unit: "mmol/L",
  observedAt: new Date(NOW.getTime() - 60_000),
  source: "manual",
  sourceRef: `ref-${Math.random()}`,
  ...overrides,
});

const storedCount = async () => (await storedRows()).length;

/** What another connection reads back from the file: what was committed. */
const storedRows = () =>
  readOnOtherConnection<{ seq: number; parameter: string; value: number; unit: string; bedId: string; unitId: string }>(
    t,
    `SELECT "seq","parameter","value","unit","bedId","unitId" FROM "Observation" ORDER BY "seq"`,
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

describe("ObservationWriter", () => {
  it("acknowledges a reading only once it can be read back from the file by another connection", async () => {
    const [result] = await writer.submit([reading({ sourceRef: "a" })]);
    expect(result).toMatchObject({ status: "stored" });
    expect(await storedRows()).toEqual([
      {
        seq: result?.status === "stored" ? result.seq : -1,
        parameter: "lactate",
        value: 3.4,
        unit: "mmol/L",
        bedId: ep.bedId,
        unitId: ep.unitId,
      },
    ]);
  });

  it("converts a known unit to the catalogue's before storing it", async () => {
    await writer.submit([reading({ unit: "mg/dL", value: 36.04, sourceRef: "mg" })]);
    // UCUM with lactic acid's molar mass (90.08 g/mol): 36.04 mg/dL is 4.0009 mmol/L.
    expect((await storedRows())[0]).toMatchObject({ value: 4.00088809947, unit: "mmol/L" });
  });

  it.each([
    [{ parameter: "lactat" }, "UNKNOWN_PARAMETER", "parameter"],
    // g/mL is a unit UCUM reads: 12.5 g/mL is 1250 g/dL, refused as implausible.
    [{ unit: "g/mL", parameter: "hemoglobin", value: 12.5 }, "IMPLAUSIBLE_VALUE", "value"],
    [{ unit: "furlong", parameter: "hemoglobin", value: 12.5 }, "UNIT_NOT_ACCEPTED", "unit"],
    [{ value: 45 }, "IMPLAUSIBLE_VALUE", "value"],
    [{ value: Number.NaN }, "INVALID_READING", "value"],
    [{ observedAt: new Date(NOW.getTime() + 3_600_000) }, "FUTURE_TIME", "observedAt"],
    [{ observedAt: new Date(NOW.getTime() - 3 * 86_400_000) }, "OUTSIDE_EPISODE", "observedAt"],
    [{ episodeId: "nobody" }, "UNKNOWN_EPISODE", "episodeId"],
    [{ parameter: "helium_level", unit: "%", value: 80 }, "PARAMETER_NOT_FOR_DEVICE", "parameter"],
    [{ parameter: "iabp_ratio", unit: "{ratio}", value: 5 }, "IMPLAUSIBLE_VALUE", "value"],
  ] as const)("rejects %o with %s naming the field, and stores nothing", async (overrides, code, field) => {
    const [result] = await writer.submit([reading(overrides)]);
    expect(result).toMatchObject({ status: "rejected", rejection: { code, field } });
    if (result?.status === "rejected") expect(result.rejection.message.length).toBeGreaterThan(10);
    expect(await storedCount()).toBe(0);
  });

  it("stores a reading sent twice once, within a batch and across batches", async () => {
    const first = await writer.submit([reading({ sourceRef: "dup" }), reading({ sourceRef: "dup" })]);
    const again = await writer.submit([reading({ sourceRef: "dup" })]);
    expect(first.map((r) => r.status)).toEqual(["stored", "duplicate"]);
    expect(again.map((r) => r.status)).toEqual(["duplicate"]);
    expect(await storedCount()).toBe(1);
  });

  it("stores the same result sent again under another reference once (same episode, parameter, time and value)", async () => {
    const results = await writer.submit([
      reading({ sourceRef: "hl7:1" }),
      reading({ sourceRef: "fhir:1" }),
      reading({ value: 3.5, sourceRef: "fhir:2" }),
    ]);
    const later = await writer.submit([reading({ sourceRef: "csv:1" })]);
    expect(results.map((r) => r.status)).toEqual(["stored", "duplicate", "stored"]);
    expect(later.map((r) => r.status)).toEqual(["duplicate"]);
    expect(await storedCount()).toBe(2);
  });

  it("commits a submit larger than one transaction over several, answering every reading in order", async () => {
    const small = new ObservationWriter({
      db: t.db,
      episodes: new EpisodeDirectory(t.db),
      now: () => NOW,
      maxBatch: 2,
    });
    const values = [3.1, 3.2, 3.3, 3.4, 3.5];
    const [a, b] = await Promise.all([
      small.submit(values.map((value, i) => reading({ value, sourceRef: `big-${i}` }))),
      small.submit([reading({ value: 3.9, sourceRef: "other" }), reading({ value: 3.1, sourceRef: "big-0" })]),
    ]);
    await small.drain();
    expect(a.map((r) => r.status)).toEqual(["stored", "stored", "stored", "stored", "stored"]);
    expect(b.map((r) => r.status)).toEqual(["stored", "duplicate"]);
    const seqs = a.flatMap((r) => (r.status === "stored" ? [r.seq] : []));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(await storedCount()).toBe(6);
  });

  it("lets the producers a commit answered join the next batch, so that batches under load stay full", async () => {
    // Four producers, each submitting 6 readings again as soon as its last submit was answered, into batches of 22
    // (the bench's shape: 4 × 768 in flight, 3,000 a batch): the next batch must wait for the producers the commit
    // answered rather than take the remnant of the fourth alone.
    const sizes: number[] = [];
    const batched = new ObservationWriter({
      db: t.db,
      episodes: new EpisodeDirectory(t.db),
      now: () => NOW,
      maxBatch: 22,
      insert: async (readings) => {
        sizes.push(readings.length);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return readings.map((_, i) => i + 1);
      },
    });
    let next = 0;
    const producer = async () => {
      while (next < 40) {
        const chunk = next++;
        await batched.submit(Array.from({ length: 6 }, (_, i) => reading({ sourceRef: `p-${chunk}-${i}` })));
      }
    };
    await Promise.all([producer(), producer(), producer(), producer()]);
    await batched.drain();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(240);
    // 22, 20, 22, 20, … (12 commits); taking the queue at once after each commit made 22, 2, 18, 6, 18, 6, … (20).
    expect(sizes.slice(0, -1).every((size) => size >= 20)).toBe(true);
  });

  it("commits readings its producer validated itself (submitValid) with the same answers, unchecked", async () => {
    const episode = {
      id: ep.episodeId,
      stayId: ep.stayId,
      bedId: ep.bedId,
      unitId: ep.unitId,
      deviceType: "VA_ECMO" as const,
      startedAt: new Date(NOW.getTime() - 86_400_000),
      endedAt: null,
    };
    const valid = [
      reading({ sourceRef: "v1" }),
      reading({ sourceRef: "v2", value: 3.6 }),
      reading({ sourceRef: "v1" }),
    ].map((r) => {
      const v = validateReading(r, episode, NOW);
      if (!v.ok) throw new Error(v.rejection.message);
      return v.reading;
    });
    const results = await writer.submitValid(valid);
    expect(results.map((r) => r.status)).toEqual(["stored", "stored", "duplicate"]);
    expect((await storedRows()).map((o) => o.value)).toEqual([3.4, 3.6]);
  });

  it("keeps good readings of a batch when others are rejected, and gives increasing sequence numbers", async () => {
    const results = await writer.submit([
      reading({ sourceRef: "1" }),
      reading({ value: -1, sourceRef: "2" }),
      reading({ value: 3.5, sourceRef: "3" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["stored", "rejected", "stored"]);
    const seqs = results.flatMap((r) => (r.status === "stored" ? [r.seq] : []));
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);
    expect((await storedRows()).map((o) => o.seq)).toEqual(seqs);
  });

  it("acknowledges nothing when the transaction fails", async () => {
    if (testsUsePostgres()) {
      await t.db.$executeRawUnsafe(
        `CREATE FUNCTION "fail"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$`,
      );
      await t.db.$executeRawUnsafe(
        `CREATE TRIGGER "fail" BEFORE INSERT ON "Observation" FOR EACH ROW WHEN (NEW."sourceRef" = 'boom') EXECUTE FUNCTION "fail"()`,
      );
    } else {
      const raw = new Database(t.path);
      raw.exec(
        `CREATE TRIGGER fail BEFORE INSERT ON "Observation" WHEN NEW."sourceRef" = 'boom' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`,
      );
      raw.close();
    }
    await expect(
      writer.submit([reading({ sourceRef: "ok-1" }), reading({ value: 3.5, sourceRef: "boom" })]),
    ).rejects.toThrow();
    expect(await storedCount()).toBe(0);
  });

  // SQLite only: on PostgreSQL each transaction has a pooled connection of its own, so there is nothing to wait for.
  it.skipIf(testsUsePostgres())(
    "waits for a transaction open on the shared connection rather than committing inside it",
    async () => {
      // Prisma's interactive transactions run on the writer's connection: a batch written inside one would be
      // acknowledged, then erased by its rollback.
      let opened!: () => void;
      let release!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      const held = new Promise<void>((resolve) => (release = resolve));
      const transaction = t.db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT 1`);
        opened();
        await held;
        throw new Error("rolled back");
      });
      await isOpen;
      const submitted = writer.submit([reading({ sourceRef: "during-a-transaction" })]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await storedCount()).toBe(0);
      release();
      await expect(transaction).rejects.toThrow("rolled back");
      const [result] = await submitted;
      expect(result).toMatchObject({ status: "stored" });
      expect(await storedCount()).toBe(1);
    },
  );
});
