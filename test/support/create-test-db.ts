import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface TestDb {
  db: Db;
  url: string;
  path: string;
  cleanup(): Promise<void>;
}

/**
 * A real SQLite file in a temporary folder with every migration applied, as integration tests want it. The SQL is
 * applied directly (faster than spawning Prisma's CLI per test); server/migrate.ts is covered by the start-up test.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "station-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const name of readdirSync(MIGRATIONS)
    .filter((n) => /^\d/.test(n))
    .sort()) {
    raw.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  }
  raw.close();
  const url = `file:${file}`;
  const db = await createDb(url);
  return {
    db,
    url,
    path: file,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
