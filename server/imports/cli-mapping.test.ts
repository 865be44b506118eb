import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { applyMigrations } from "../migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAPPING = path.join(ROOT, "lib/imports/csv/mappings/physionet-2019-hourly.json");
let dir: string;
let url: string;
let db: Db;

function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["server/imports/launch-cli.js", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "cli-mapping-"));
  url = `file:${path.join(dir, "station.db")}`;
  await applyMigrations(url, ROOT);
  db = await createDb(url);
  await seedImportPatients(db, [{ identifier: "p000001", episodeStartedAt: new Date("2026-03-01T00:00:00Z") }]);
  copyFileSync(path.join(ROOT, "test/fixtures/physionet-2019/p000001.psv"), path.join(dir, "p000001.psv"));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run import -- --mapping", () => {
  it("refuses a PhysioNet file without a mapping, exiting non-zero with the reason, and stores nothing", async () => {
    const run = await cli([path.join(dir, "p000001.psv")]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("cannot tell what p000001.psv is");
    expect(run.output).toContain("--mapping");
    const forced = await cli([path.join(dir, "p000001.psv"), "--kind", "csv"]);
    expect(forced.code).toBe(1);
    expect(forced.output).toMatch(/failed[\s\S]*the header matches no known shape \(columns missing: patient_id/);
    expect(await db.observation.count()).toBe(0);
  }, 60_000);

  it("refuses a mapping that is not one, and a mapping the file does not fit, non-zero", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "station-csv-mapping/1", name: "x" }));
    const notMapping = await cli([path.join(dir, "p000001.psv"), "--mapping", bad]);
    expect(notMapping.code).toBe(2);
    expect(notMapping.output).toMatch(/bad\.json: not a column mapping: patient: .*; time: .*; columns: /);
    const noAdmission = await cli([path.join(dir, "p000001.psv"), "--mapping", MAPPING]);
    expect(noAdmission.code).toBe(1);
    expect(noAdmission.output).toContain("give the admission time (--admitted-at)");
  }, 60_000);

  it("imports the file through the PhysioNet 2019 mapping, in the catalogue's units, once however often it runs", async () => {
    const args = [path.join(dir, "p000001.psv"), "--mapping", MAPPING, "--admitted-at", "2026-03-02T06:00:00Z"];
    const run = await cli(args);
    expect(run.output).toContain("processed 15  accepted 15  rejected 0  duplicate 0  ignored 0");
    expect(run.code).toBe(0);
    const lactate = await db.observation.findMany({ where: { parameter: "lactate" }, orderBy: { observedAt: "asc" } });
    // 18.9 and 40.5 mg/dL in mmol/L (÷ 9.01), at ICULOS 1 and 3 after the admission given.
    expect(lactate.map((o) => [Number(o.value.toFixed(2)), new Date(o.observedAt).toISOString()])).toEqual([
      [2.1, "2026-03-02T07:00:00.000Z"],
      [4.5, "2026-03-02T09:00:00.000Z"],
    ]);
    const again = await cli(args);
    expect(again.output).toContain("accepted 0  rejected 0  duplicate 15");
  }, 60_000);
});
