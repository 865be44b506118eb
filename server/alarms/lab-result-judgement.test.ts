import { afterEach, describe, expect, it } from "vitest";
import type { TLabResult } from "@/lib/observations/lab-result";
import type { TReadingInput } from "@/lib/observations/reading";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

/**
 * The engine and laboratory results as they really come (issue 16, issue 15 part 4): a cancellation re-judges the
 * alarm it withdrew on the value that is current again, a late result is judged by the trends in its place, and the
 * anti-Xa timer runs only while heparin runs. Real SQLite, the real writer, change feed and engine.
 */
const H = 3_600_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface TWorld {
  test: TestDb;
  world: TestEpisode;
  station: TTestStation;
}

async function startWorld(): Promise<TWorld> {
  const test = await createTestDb();
  cleanups.push(() => test.cleanup());
  const world = await seedTestEpisode(test.db);
  const station = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
  cleanups.push(() => station.close());
  return { test, world, station };
}

let n = 0;
/** A result `agoMs` before now, under its own result key unless one is given (a correction, a cancellation). */
async function labResult(
  w: TWorld,
  { parameter, unit }: Pick<TReadingInput, "parameter" | "unit">,
  value: number,
  agoMs: number,
  lab: Partial<TLabResult> = {},
): Promise<number> {
  const input: TReadingInput = {
    episodeId: w.world.episodeId,
    parameter,
    value,
    unit,
    observedAt: new Date(Date.now() - agoMs),
    source: "hl7",
    sourceRef: `lab-judgement-${process.pid}-${++n}`,
    lab: { status: "final", resultKey: `ORDER-${n}|${parameter}|1`, valueSent: true, ...lab },
  };
  const [result] = await w.station.server.writer.submit([input]);
  if (result?.status !== "stored") throw new Error(`not stored: ${JSON.stringify(result)}`);
  await w.station.server.settled();
  return result.seq;
}
const lactate = (w: TWorld, value: number, agoMs: number, lab: Partial<TLabResult> = {}) =>
  labResult(w, { parameter: "lactate", unit: "mmol/L" }, value, agoMs, lab);
const platelets = (w: TWorld, value: number, agoMs: number) =>
  labResult(w, { parameter: "platelets", unit: "10*9/L" }, value, agoMs);

const alarmsOf = (w: TWorld, ruleId: string) =>
  w.test.db.alarm.findMany({ where: { ruleId }, orderBy: { raisedAt: "asc" }, include: { events: true } });

describe("the engine judging laboratory results", () => {
  it("resolves the alarm of a cancelled lactate, saying why, and raises nothing on the in-range result current again", async () => {
    const w = await startWorld();
    await lactate(w, 1.2, 3 * H);
    await lactate(w, 4.8, 1 * H, { resultKey: "ORDER-X|lactate|1" });
    expect(await alarmsOf(w, "lactate-high")).toMatchObject([{ status: "active", value: 4.8 }]);
    await lactate(w, 4.8, 1 * H, { resultKey: "ORDER-X|lactate|1", status: "cancelled", valueSent: false });
    const [high] = await alarmsOf(w, "lactate-high");
    expect(high).toMatchObject({ status: "resolved", resolution: "result-cancelled" });
    expect(high?.events.map((e) => [e.type, (e.details as { withdrawal?: string }).withdrawal])).toContainEqual([
      "cleared",
      "result-cancelled",
    ]);
    expect(
      await w.test.db.alarm.count({ where: { status: { not: "resolved" }, ruleId: { startsWith: "lactate" } } }),
    ).toBe(0);
  });

  it("re-judges on the previous result when the cancelled one raised the alarm: 3.1 raises the medium alarm again", async () => {
    const w = await startWorld();
    await lactate(w, 3.1, 3 * H);
    await lactate(w, 4.8, 1 * H, { resultKey: "ORDER-Y|lactate|1" });
    expect((await alarmsOf(w, "lactate-high"))[0]?.status).toBe("active");
    await lactate(w, 0, 1 * H, { resultKey: "ORDER-Y|lactate|1", status: "cancelled", valueSent: false });
    expect((await alarmsOf(w, "lactate-high"))[0]).toMatchObject({
      status: "resolved",
      resolution: "result-cancelled",
    });
    const medium = await alarmsOf(w, "lactate-medium");
    // Raised on 3.1, superseded by the high alarm on 4.8, raised again on 3.1 once 4.8 no longer stands.
    expect(medium.map((a) => [a.status, a.value])).toEqual([
      ["resolved", 3.1],
      ["active", 3.1],
    ]);
  });

  it("judges a late lactate where it falls in the series: 1.5 between 2.0 and 2.2 makes the newest pair a rise", async () => {
    const w = await startWorld();
    await lactate(w, 2.0, 8 * H);
    await lactate(w, 2.2, 1 * H);
    expect(await alarmsOf(w, "lactate-rising")).toEqual([]);
    await lactate(w, 1.5, 4 * H);
    expect(await alarmsOf(w, "lactate-rising")).toMatchObject([{ status: "active", value: 0.7 }]);
  });

  it("judges a late platelet count where it falls: 260 between 200 and 120 is the peak the newest count fell 54 % from", async () => {
    const w = await startWorld();
    await platelets(w, 200, 40 * H);
    await platelets(w, 120, 1 * H);
    expect(await alarmsOf(w, "platelets-fall-from-peak")).toEqual([]);
    await platelets(w, 260, 20 * H);
    expect(await alarmsOf(w, "platelets-fall-from-peak")).toMatchObject([{ status: "active" }]);
  });

  it("raises no anti-Xa overdue while heparin is stopped, and ends an open one when heparin stops", async () => {
    const w = await startWorld();
    const episodeId = w.world.episodeId;
    await w.test.db.episodeSettingChange.create({
      data: { episodeId, at: new Date(Date.now() - 40 * H), settings: { heparinRate: 500 } },
    });
    await w.station.server.alarms?.tick();
    expect(await alarmsOf(w, "anti-xa-overdue")).toMatchObject([{ status: "active" }]);
    await w.test.db.episodeSettingChange.create({
      data: { episodeId, at: new Date(Date.now() - 1_000), settings: { heparinRate: 0 } },
    });
    await w.station.server.alarms?.tick();
    expect(await alarmsOf(w, "anti-xa-overdue")).toMatchObject([{ status: "resolved" }]);
    await w.station.server.alarms?.tick();
    expect(await alarmsOf(w, "anti-xa-overdue")).toHaveLength(1);
  });
});
