import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
export const POSTGRES_MIGRATIONS = path.join(root, "prisma/postgres/migrations");

/** The SQLite migrations that the PostgreSQL baseline (its `-- covers: up to` line) stands for. */
const BASELINE_COVERS_UP_TO = "20261210090000_document_changes";

function migrationNames(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The SQLite migrations that no PostgreSQL migration stands for yet: those after the baseline's that no `-- covers:`
 * line of prisma/postgres/migrations names.
 */
export function uncoveredSqliteMigrations(): string[] {
  const covered = new Set<string>();
  for (const name of migrationNames(POSTGRES_MIGRATIONS)) {
    const first = readFileSync(path.join(POSTGRES_MIGRATIONS, name, "migration.sql"), "utf8").split("\n", 1)[0] ?? "";
    const match = /^-- covers: (.*)$/.exec(first);
    for (const covers of match?.[1]?.split(" ") ?? []) covered.add(covers);
  }
  return migrationNames(SQLITE_MIGRATIONS).filter((name) => name > BASELINE_COVERS_UP_TO && !covered.has(name));
}
