import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The database of an end-to-end server. SQLite by default: a file under data/e2e. With E2E_DATABASE=postgres, a
 * PostgreSQL database of its own on E2E_POSTGRES_URL's server (default the machine's, 127.0.0.1:5432), with Redis
 * (E2E_REDIS_URL) and the leader lock on the same database, as a hospital's node runs (docs/deployment.md): the specs
 * then check the station on PostgreSQL + Redis. Each server's database is made afresh before it starts.
 */
export function e2eUsesPostgres(): boolean {
  return process.env.E2E_DATABASE === "postgres";
}

const POSTGRES_SERVER = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The PostgreSQL database that stands for `dbFile` (the same name on every call: a restarted server finds its data). */
function postgresName(dbFile: string): string {
  const base = path
    .basename(dbFile, ".db")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");
  return `station_e2e_${base}`.slice(0, 63);
}

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The variables that point a server at `dbFile`'s database (and, on PostgreSQL, at Redis and the lock). */
export function e2eDatabaseEnv(dbFile: string): Record<string, string> {
  if (!e2eUsesPostgres()) return { DATABASE_URL: `file:./${dbFile}` };
  const name = postgresName(dbFile);
  const url = postgresUrl(name);
  // Its own Redis prefix: another run on the same Redis (another port, another worktree) stays apart.
  return { DATABASE_URL: url, LEADER_LOCK_URL: url, REDIS_URL, REDIS_PREFIX: name };
}

/** Empties `dbFile`'s database, whatever the engine: the server migrates and seeds it at its start. */
export async function resetE2eDatabase(dbFile: string): Promise<void> {
  await removeE2eDatabase(dbFile);
  if (e2eUsesPostgres()) await onPostgresServer(`CREATE DATABASE "${postgresName(dbFile)}"`);
}

/** Removes `dbFile`'s database: a test's own server's, once the test is over. */
export async function removeE2eDatabase(dbFile: string): Promise<void> {
  if (e2eUsesPostgres()) {
    await onPostgresServer(`DROP DATABASE IF EXISTS "${postgresName(dbFile)}" WITH (FORCE)`);
    return;
  }
  for (const suffix of ["", "-journal", "-wal", "-shm"])
    fs.rmSync(path.join(ROOT, `${dbFile}${suffix}`), { force: true });
}

async function onPostgresServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
