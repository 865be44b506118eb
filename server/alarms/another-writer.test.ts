import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/log/logger";
import { createTestDb, testsUsePostgres } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { startTestStation } from "@/test/support/start-test-station";

/**
 * The import CLI writes the database from its own process: it commits its readings, then goes on writing (the job's
 * counts, its audit event) while the station's engine judges them. SQLite only: the case is its single write lock.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Another process that commits a lactate of 4.5 and, in the same breath, takes the write lock for `holdMs` (the
 * CLI's next write): the station's poll (250 ms) finds the reading while the lock is held.
 */
function otherProcessWrites(file: string, w: TestEpisode, holdMs: number): Promise<string> {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    const [episodeId, stayId, bedId, unitId] = process.argv.slice(2);
    db.prepare('INSERT INTO "Observation" ("episodeId","stayId","bedId","unitId","parameter","value","unit","observedAt","receivedAt","source","sourceRef") VALUES (?,?,?,?,?,?,?,?,?,?,?)')
      .run(episodeId, stayId, bedId, unitId, "lactate", 4.5, "mmol/L", Date.now() - 60000, Date.now(), "csv", "another-writer-1");
    db.prepare("BEGIN IMMEDIATE").run();
    setTimeout(() => { db.prepare("COMMIT").run(); db.close(); }, ${holdMs});`;
  const child = spawn(process.execPath, ["-e", script, file, w.episodeId, w.stayId, w.bedId, w.unitId], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("exit", () => resolve(output)));
}

describe.skipIf(testsUsePostgres())("the alarm engine while another process writes", () => {
  it("records the alarm of a reading it judged while the other process held the write lock", async () => {
    const test = await createTestDb();
    cleanups.push(() => test.cleanup());
    const world = await seedTestEpisode(test.db);
    const errors: string[] = [];
    const log = { ...silentLogger, error: (m: string, d?: unknown) => void errors.push(`${m}: ${String(d)}`) };
    const station = await startTestStation({ db: test.db, log, alarmTickMs: 0, alarmStartupGraceMs: 0 });
    cleanups.push(() => station.close());

    expect(await otherProcessWrites(test.path, world, 1_500)).toBe("");
    await station.server.settled();

    const alarms = await test.db.alarm.findMany({ where: { ruleId: { startsWith: "lactate" } } });
    expect(alarms.map((a) => [a.ruleId, a.status, a.value])).toEqual([["lactate-high", "active", 4.5]]);
    expect(errors).toEqual([]);
  }, 30_000);
});
