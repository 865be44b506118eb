import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";
import { applyMigrations } from "../migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const H = 3_600_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** `npm run import -- <file>` in its default mode: its own process, writing the database itself. */
function runCli(url: string, file: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["server/imports/launch-cli.js", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

interface TestDb {
  db: Db;
  url: string;
  path: string;
}

async function world(): Promise<{ test: TestDb; csv: (rows: [number, number][]) => string }> {
  // Migrated by Prisma, as a station's database is: the CLI then finds no migration pending.
  const dir = mkdtempSync(path.join(tmpdir(), "cli-alarms-"));
  const file = path.join(dir, "station.db");
  const url = `file:${file}`;
  await applyMigrations(url, ROOT);
  const test = { db: await createDb(url), url, path: file };
  cleanups.push(async () => {
    await test.db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
  await seedImportPatients(test.db, [{ identifier: "MRN-7", episodeStartedAt: new Date(Date.now() - 48 * H) }]);
  let n = 0;
  // Lactate results [value, hours ago] as the documented generic CSV.
  const csv = (rows: [number, number][]) => {
    const file = path.join(path.dirname(test.path), `labs-${++n}.csv`);
    const lines = ["patient_id,parameter,value,unit,observed_at"];
    for (const [value, ago] of rows)
      lines.push(`MRN-7,lactate,${value},mmol/L,${new Date(Date.now() - ago * H).toISOString()}`);
    writeFileSync(file, lines.join("\n"));
    return file;
  };
  return { test, csv };
}

async function start(test: TestDb): Promise<TTestStation> {
  const station = await startTestStation({ db: test.db, alarmTickMs: 0, alarmStartupGraceMs: 0 });
  cleanups.push(() => station.close());
  return station;
}

const lactateAlarms = (test: TestDb) =>
  test.db.alarm.findMany({ where: { ruleId: { startsWith: "lactate" } }, orderBy: { raisedAt: "asc" } });

describe("the import CLI's readings reach the alarm engine", () => {
  it("judges a lactate of 4.5 imported while the station was down, at the station's next start", async () => {
    const { test, csv } = await world();
    const first = await start(test);
    await first.close();
    cleanups.pop();

    const run = await runCli(test.url, csv([[4.5, 1]]));
    expect(run.output).toContain("accepted 1");
    expect(run.code).toBe(0);
    expect(await lactateAlarms(test)).toEqual([]);

    const station = await start(test);
    await station.server.settled();
    const alarms = await lactateAlarms(test);
    expect(alarms.map((a) => [a.ruleId, a.priority, a.status, a.value])).toEqual([
      ["lactate-high", "high", "active", 4.5],
    ]);
  }, 120_000);

  it("judges a lactate imported while the station runs, and a result dated before the newest known one", async () => {
    const { test, csv } = await world();
    const station = await start(test);

    expect((await runCli(test.url, csv([[1.1, 1]]))).code).toBe(0);
    await station.server.settled();
    expect(await lactateAlarms(test)).toEqual([]);

    // Drawn three hours ago, reported after the 1.1 of an hour ago: judged for the record, the 1.1 stays current.
    expect((await runCli(test.url, csv([[4.5, 3]]))).code).toBe(0);
    await station.server.settled();
    const alarms = await lactateAlarms(test);
    expect(alarms.map((a) => [a.ruleId, a.status, a.value])).toEqual([["lactate-high", "resolved", 4.5]]);
    expect(alarms[0]?.raisedAt.getTime()).toBeLessThan(Date.now() - 2.9 * H);
  }, 120_000);
});
