import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/**
 * A data migration is tested from the database as it stood just before it: the migrations of a folder that come
 * before `name`, in order, then rows written in that older shape, then `name` itself.
 */
export function migrationsBefore(dir: string, name: string): string[] {
  return readdirSync(dir)
    .filter((entry) => /^\d/.test(entry) && entry < name)
    .sort();
}

/** The SQL of one migration of a folder. */
export function migrationSql(dir: string, name: string): string {
  return readFileSync(path.join(dir, name, "migration.sql"), "utf8");
}

/** Runs migrations of a folder on a SQLite database, in the order given. */
export function applySqliteMigrations(db: Database.Database, dir: string, names: readonly string[]): void {
  for (const name of names) db.exec(migrationSql(dir, name));
}
