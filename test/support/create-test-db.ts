import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeDb, createDb, type Db } from "@/lib/db/client";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const POSTGRES_MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/postgres/migrations");

/** The server the PostgreSQL runs use (`npm run test:unit:pg`): each test gets a database of its own on it. */
const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDb {
  db: Db;
  url: string;
  /** The SQLite file; empty on PostgreSQL. */
  path: string;
  cleanup(): Promise<void>;
}

/** Whether this run's database tests use PostgreSQL (TEST_DATABASE=postgres) rather than SQLite, the default. */
export function testsUsePostgres(): boolean {
  return process.env.TEST_DATABASE === "postgres";
}

/**
 * A real database with every migration applied, as integration tests want it: a SQLite file in a temporary folder, or
 * with TEST_DATABASE=postgres a new PostgreSQL database, dropped at cleanup. The SQL is applied directly (faster than
 * spawning Prisma's CLI per test); server/migrate.ts is covered by the start-up test.
 */
export async function createTestDb(): Promise<TestDb> {
  return testsUsePostgres() ? createPostgresTestDb() : createSqliteTestDb();
}

async function createSqliteTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "station-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const name of migrationNames(MIGRATIONS))
    raw.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
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

export async function createPostgresTestDb({ migrations = true }: { migrations?: boolean } = {}): Promise<TestDb> {
  const name = `station_pg_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(POSTGRES_SERVER, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One query per migration, as Prisma's CLI runs it here (prisma.config.ts).
    for (const migration of migrations ? migrationNames(POSTGRES_MIGRATIONS) : [])
      await client.query(readFileSync(path.join(POSTGRES_MIGRATIONS, migration, "migration.sql"), "utf8"));
  } finally {
    await client.end();
  }
  const db = await createDb(url);
  return {
    db,
    url,
    path: "",
    async cleanup() {
      await closeDb(db);
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

function migrationNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => /^\d/.test(n))
    .sort();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `url` pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Rows read on a connection of its own, outside the station's: what was committed, whichever the engine. Numbers
 * come back as numbers (PostgreSQL's bigint and count as text otherwise).
 */
export async function readOnOtherConnection<R extends Record<string, unknown>>(t: TestDb, sql: string): Promise<R[]> {
  if (!t.url.startsWith("postgres")) {
    const raw = new Database(t.path, { readonly: true });
    try {
      return raw.prepare(sql).all() as R[];
    } finally {
      raw.close();
    }
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const { rows, fields } = await client.query<Record<string, unknown>>(sql);
    // int8 (20) and numeric (1700) arrive as text.
    const numeric = new Set(fields.filter((f) => f.dataTypeID === 20 || f.dataTypeID === 1700).map((f) => f.name));
    return rows.map(
      (row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numeric.has(k) && v !== null ? Number(v) : v])) as R,
    );
  } finally {
    await client.end();
  }
}

/** Raw SQL on a connection of its own, whatever the engine: what a test runs to check the database's own guards. */
export interface TRawSql {
  /** Runs one statement; `?` placeholders on both engines. */
  run(sql: string, ...params: unknown[]): Promise<void>;
  /** A time as the engine stores it: integer milliseconds on SQLite, a timestamp on PostgreSQL. */
  time(ms: number): unknown;
  close(): Promise<void>;
}

/**
 * Opens it. On SQLite, close Prisma's connection first (`t.db.$disconnect()`): two connections to one file in one
 * process share its locks.
 */
export async function openRawSql(t: TestDb): Promise<TRawSql> {
  if (!t.url.startsWith("postgres")) {
    const raw = new Database(t.path);
    return {
      // A refusal comes back as a rejected promise, as on PostgreSQL, not as a throw at the call.
      run: (sql, ...params) =>
        new Promise<void>((resolve) => {
          raw.prepare(sql).run(...params);
          resolve();
        }),
      time: (ms) => ms,
      close: () => Promise.resolve(void raw.close()),
    };
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  return {
    async run(sql, ...params) {
      let n = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
    },
    time: (ms) => new Date(ms),
    close: () => client.end(),
  };
}
