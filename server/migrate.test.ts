import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { applyMigrations, applyPendingMigrations, pendingMigrations } from "./migrate";

const ROOT = path.resolve(import.meta.dirname, "..");
const ALL = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "migrate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("pendingMigrations", () => {
  it("lists every migration for a database that does not exist yet, none once they are applied", async () => {
    const url = `file:${path.join(dir, "station.db")}`;
    expect(ALL.length).toBeGreaterThan(5);
    expect(pendingMigrations(url, ROOT)).toEqual(ALL);
    await applyMigrations(url, ROOT);
    expect(pendingMigrations(url, ROOT)).toEqual([]);
  }, 60_000);
});

describe("applyPendingMigrations beside another reader of the file", () => {
  it("starts at once when nothing is pending, while a second connection holds a read transaction", async () => {
    const url = `file:${path.join(dir, "station.db")}`;
    await applyMigrations(url, ROOT);
    const reader = new Database(path.join(dir, "station.db"));
    try {
      reader.prepare("BEGIN").run();
      reader.prepare("SELECT count(*) FROM _prisma_migrations").get();
      const started = Date.now();
      expect(await applyPendingMigrations(url, ROOT, { attempts: 1, waitMs: 0 })).toEqual({ applied: [] });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      reader.close();
    }
  }, 60_000);

  it("waits for a reader that blocks a pending migration, saying why, then migrates once it lets go", async () => {
    const file = path.join(dir, "station.db");
    const url = `file:${file}`;
    const reader = new Database(file);
    // An empty file (no journal mode set yet: rollback journal) read inside an open transaction: its shared lock
    // keeps any writer from committing.
    reader.prepare("BEGIN").run();
    reader.prepare("SELECT count(*) FROM sqlite_master").get();
    const waits: string[] = [];
    const result = await applyPendingMigrations(url, ROOT, {
      attempts: 3,
      waitMs: 100,
      onWait: (message) => {
        waits.push(message);
        reader.close();
      },
    });
    expect(result.applied).toEqual(ALL);
    expect(pendingMigrations(url, ROOT)).toEqual([]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(/locked by another program.*try 2 of 3/);
  }, 120_000);
});
