import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "../migrate";
import { seedImportPatients } from "@/test/support/seed-import-patients";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROWS = 100_000;
const BATCH = 1_000;
let dir: string;
let url: string;
let csv: string;

const count = (sql: string) => {
  const raw = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return (raw.prepare(sql).get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

const integrity = () => {
  const raw = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return raw.pragma("integrity_check", { simple: true });
  } finally {
    raw.close();
  }
};

const cli = (args: string[]) =>
  spawn(process.execPath, ["server/imports/launch-cli.js", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
  url = `file:${path.join(dir, "station.db")}`;
  await applyMigrations(url, ROOT);
  const db = await createDb(url);
  await seedImportPatients(db, [{ identifier: "MRN-1", episodeStartedAt: new Date("2026-01-01T00:00:00Z") }]);
  await db.$disconnect();
  const start = Date.parse("2026-01-02T00:00:00Z");
  const lines = ["patient_id,parameter,value,unit,observed_at"];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `MRN-1,ecmo_flow,${(3 + (i % 100) / 100).toFixed(2)},L/min,${new Date(start + i * 10_000).toISOString()}`,
    );
  csv = path.join(dir, "flows.csv");
  writeFileSync(csv, lines.join("\n"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run import", () => {
  it("leaves whole batches only when killed mid-import, and a re-run completes it without storing anything twice", async () => {
    const child = cli([csv, "--batch-size", String(BATCH)]);
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ? null : code)),
    );
    for (;;) {
      await new Promise((r) => setTimeout(r, 10));
      const stored = (() => {
        try {
          return count(`SELECT COUNT(*) AS n FROM "Observation"`);
        } catch {
          return 0; // the file is being opened or locked at this instant
        }
      })();
      if (stored >= 5 * BATCH) break;
    }
    child.kill("SIGKILL");
    expect(await exited).toBeNull();

    const afterKill = count(`SELECT COUNT(*) AS n FROM "Observation"`);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(ROWS);
    expect(afterKill % BATCH).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM "ImportJob" WHERE status = 'running'`)).toBe(1);
    expect(integrity()).toBe("ok");

    const rerun = cli([csv, "--batch-size", String(BATCH)]);
    let output = "";
    rerun.stdout.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => rerun.on("exit", resolve));
    expect(code).toBe(0);
    expect(output).toContain(
      `processed ${ROWS}  accepted ${ROWS - afterKill}  rejected 0  duplicate ${afterKill}  ignored 0`,
    );
    expect(count(`SELECT COUNT(*) AS n FROM "Observation"`)).toBe(ROWS);
    expect(integrity()).toBe("ok");
  }, 120_000);

  it("exits 1 and says why for a file with nothing usable (empty, binary)", async () => {
    for (const [name, content, reason] of [
      ["empty.csv", "", /empty \(0 bytes\)/],
      ["scan.hl7", Buffer.from([0x4d, 0x53, 0x48, 0x7c, 0, 1, 2, 3]), /not text/],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const child = cli([file]);
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      expect(await new Promise((resolve) => child.on("exit", resolve)), output).toBe(1);
      expect(output).toMatch(reason);
    }
  }, 60_000);

  it("dry-runs a file and says so, storing nothing; exits 2 on a usage error", async () => {
    const dry = cli([csv, "--dry-run"]);
    let output = "";
    dry.stdout.on("data", (d: Buffer) => (output += d.toString()));
    expect(await new Promise((resolve) => dry.on("exit", resolve))).toBe(0);
    expect(output).toMatch(/^DRY RUN \(nothing stored\) flows\.csv as csv/);
    expect(output).toContain(`accepted ${ROWS}`);
    expect(count(`SELECT COUNT(*) AS n FROM "Observation"`)).toBe(0);

    const bad = cli([csv, "--kind", "xml"]);
    expect(await new Promise((resolve) => bad.on("exit", resolve))).toBe(2);
  }, 120_000);

  it("imports while another writer (a running station) holds the write lock: the busy database is waited out", async () => {
    const small = path.join(dir, "small.csv");
    writeFileSync(
      small,
      ["patient_id,parameter,value,unit,observed_at", "MRN-1,ecmo_flow,3.3,L/min,2026-01-02T00:00:00Z"].join("\n"),
    );
    // Another writer holds the write lock as the CLI starts. (Beside a real running station, Prisma's migrate deploy
    // failed with a timeout: the CLI now runs it only when a migration is pending, server/migrate.test.ts.)
    const station = new Database(url.replace(/^file:/, ""));
    station.exec("BEGIN IMMEDIATE");
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        station.exec("COMMIT");
        station.close();
        resolve();
      }, 1_500),
    );
    const child = cli([small]);
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    await released;
    expect(output).toContain("accepted 1");
    expect(code).toBe(0);
  }, 60_000);
});
