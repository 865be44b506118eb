import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, pendingMigrations } from "./migrate";

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
