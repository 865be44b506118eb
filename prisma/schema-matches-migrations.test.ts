import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PARTIAL_INDEXES } from "./partial-indexes";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "schema-drift-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every table's columns (type, nullability, default, key), foreign keys and indexes, as SQLite reports them. */
function shapeOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" <> '_prisma_migrations' ORDER BY "name"`,
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        {
          columns: db.prepare(`PRAGMA table_xinfo("${table}")`).all(),
          foreignKeys: db.prepare(`PRAGMA foreign_key_list("${table}")`).all(),
          // Without index_list's `seq`, which only says in which order the indexes were made.
          indexes: (db.prepare(`PRAGMA index_list("${table}")`).all() as { seq: number; name: string }[])
            .map(({ seq: _order, ...index }) => ({
              ...index,
              columns: db.prepare(`PRAGMA index_info("${index.name}")`).all(),
            }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        },
      ]),
    );
  } finally {
    db.close();
  }
}

describe("the migrations", () => {
  it("build the tables prisma/schema.prisma describes, column for column and index for index", async () => {
    const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      // prisma.config.ts opens the database its adapter names even for a diff from the schema alone: a file in this
      // test's folder, since a fresh clone has no data/ folder for the default one.
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` } },
    );
    // `migrate diff` renders a Json default unquoted, which SQLite refuses (Prisma issue #26571): quoted here as the
    // migrations write it.
    // A sequence number is a Prisma BigInt (64-bit on PostgreSQL too, lib/db/seq.ts), which `migrate diff` renders as
    // BIGINT, and an autoincrement BigInt id as a plain primary key; SQLite's INTEGER is 64-bit already, and only
    // `INTEGER PRIMARY KEY AUTOINCREMENT` is its rowid with never-reused values, which the migrations keep.
    const fromSchema = stdout
      .replace(/ DEFAULT (\{\}|\[\])/g, " DEFAULT '$1'")
      .replace(/"seq" BIGINT NOT NULL PRIMARY KEY,/g, '"seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,')
      .replace(/ BIGINT( NOT NULL)?,/g, " INTEGER$1,");
    const schemaFile = path.join(dir, "schema.db");
    const schemaDb = new Database(schemaFile);
    schemaDb.exec(fromSchema);
    // What the schema cannot say (a partial index), the migrations create in SQL: added here as they add it.
    for (const statement of PARTIAL_INDEXES) schemaDb.exec(statement);
    schemaDb.close();

    const migratedFile = path.join(dir, "migrated.db");
    const migrated = new Database(migratedFile);
    for (const name of readdirSync(MIGRATIONS)
      .filter((n) => /^\d/.test(n))
      .sort())
      migrated.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
    migrated.close();

    expect(shapeOf(migratedFile)).toEqual(shapeOf(schemaFile));
  }, 60_000);
});
