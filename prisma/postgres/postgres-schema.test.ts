import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPostgresTestDb } from "@/test/support/create-test-db";
import { PARTIAL_INDEXES } from "../partial-indexes";
import { uncoveredSqliteMigrations } from "./migration-coverage";
import { postgresSchemaOf } from "./postgres-schema";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the PostgreSQL schema", () => {
  it("is the one generated from prisma/schema.prisma (run `npm run db:pg:schema`)", () => {
    const sqlite = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
    expect(readFileSync(path.join(ROOT, "prisma/postgres/schema.prisma"), "utf8")).toBe(postgresSchemaOf(sqlite));
  });

  it("has a PostgreSQL migration for every SQLite migration (run `npm run db:pg:migration`)", () => {
    expect(uncoveredSqliteMigrations()).toEqual([]);
  });

  it("applies the baseline before the migrations written after it (they are named after the SQLite ones they cover)", () => {
    const names = readdirSync(path.join(ROOT, "prisma/postgres/migrations"))
      .filter((n) => /^\d/.test(n))
      .sort();
    expect(names[0]).toMatch(/_postgres_baseline$/);
  });
});

/** Every table's columns, indexes and constraints, as PostgreSQL's catalogue reports them. */
async function shapeOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
    );
    const enums = await client.query(
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

describe.runIf(process.env.TEST_DATABASE === "postgres")("the PostgreSQL migrations", () => {
  it("build the tables prisma/postgres/schema.prisma describes, column for column and index for index", async () => {
    const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" } },
    );
    const migrated = await createPostgresTestDb();
    const fromSchema = await createPostgresTestDb({ migrations: false });
    try {
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(stdout);
      // What the schema cannot say (a partial index), the migrations create in SQL: added here as they add it.
      for (const statement of PARTIAL_INDEXES) await client.query(statement);
      await client.end();
      expect(await shapeOf(migrated.url)).toEqual(await shapeOf(fromSchema.url));
    } finally {
      await migrated.cleanup();
      await fromSchema.cleanup();
    }
  }, 60_000);

  it("refuse to change or delete an append-only row", async () => {
    const t = await createPostgresTestDb();
    try {
      await t.db.documentChange.create({ data: { type: "round:signed", unitId: "u", bedId: "b", at: new Date() } });
      await expect(t.db.documentChange.updateMany({ data: { type: "x" } })).rejects.toThrow(/append-only/);
      await expect(t.db.documentChange.deleteMany({})).rejects.toThrow(/append-only/);
    } finally {
      await t.cleanup();
    }
  });
});
