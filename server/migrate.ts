import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { isPostgresUrl } from "@/lib/db/client";

const run = promisify(execFile);

/**
 * Applies pending migrations with Prisma's own CLI (offline with the JavaScript schema engine), so the database of a
 * fresh machine or of an upgrade is in shape before the first request.
 */
export async function applyMigrations(databaseUrl: string, cwd: string = process.cwd()): Promise<void> {
  // PostgreSQL: prisma.config.ts takes prisma/postgres/ from the URL; concurrent deploys of several nodes serialise on
  // Prisma's advisory lock. SQLite: the file's folder is made first.
  if (!isPostgresUrl(databaseUrl)) {
    const file = databaseUrl.replace(/^file:/, "");
    mkdirSync(path.dirname(path.resolve(cwd, file)), { recursive: true });
  }
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  try {
    await run(process.execPath, [cli, "migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed for ${databaseUrl}:\n${e.stdout ?? ""}${e.stderr ?? ""}`, {
      cause: error,
    });
  }
}

/**
 * The migrations of prisma/migrations that the database has not applied yet (all of them when it does not exist).
 * Read with a read-only connection, which a running station's writes never block.
 */
export function pendingMigrations(databaseUrl: string, cwd: string = process.cwd()): string[] {
  if (isPostgresUrl(databaseUrl)) throw new Error("pendingMigrations reads a SQLite file only");
  const file = path.resolve(cwd, databaseUrl.replace(/^file:/, ""));
  const wanted = readdirSync(path.join(cwd, "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (!existsSync(file)) return wanted;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return wanted;
    const applied = new Set(
      db
        .prepare(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .pluck()
        .all() as string[],
    );
    return wanted.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

export interface TMigrateWait {
  /** Tries of `migrate deploy` while another program holds the file (each waits after Prisma's own timeout). */
  attempts: number;
  waitMs: number;
  /** Told before each wait, saying why the start is taking long. */
  onWait?: (message: string) => void;
}

const DEFAULT_WAIT: TMigrateWait = { attempts: 6, waitMs: 5_000 };

/**
 * Migrates only when a migration is pending, and then waits politely for another writer.
 *
 * Prisma's `migrate deploy` needs the database to itself: beside any other program holding the file open (the
 * running station for a CLI, an idle sqlite3 shell, a backup reader) it timed out and the station exited. The pending
 * list is read on a read-only connection, which needs no lock a reader holds, so an up-to-date database (the usual
 * start) never runs Prisma's CLI at all. When one is pending, a lock error is retried a few times with a message
 * saying what the station waits for; any other failure, or the last try, stops the start with Prisma's own output.
 */
export async function applyPendingMigrations(
  databaseUrl: string,
  cwd: string = process.cwd(),
  wait: TMigrateWait = DEFAULT_WAIT,
): Promise<{ applied: string[] }> {
  // PostgreSQL: deployed every time; a running station's writes do not block it (concurrent deploys of several nodes
  // serialise on Prisma's advisory lock), and nothing is applied twice.
  if (isPostgresUrl(databaseUrl)) {
    await applyMigrations(databaseUrl, cwd);
    return { applied: [] };
  }
  const pending = pendingMigrations(databaseUrl, cwd);
  if (pending.length === 0) return { applied: [] };
  for (let attempt = 1; ; attempt++) {
    try {
      await applyMigrations(databaseUrl, cwd);
      return { applied: pending };
    } catch (error) {
      if (attempt >= wait.attempts || !isLockError(error)) throw error;
      wait.onWait?.(
        `the database file is locked by another program (a sqlite3 shell, a backup, another station?); ` +
          `${pending.length} migration(s) pending; try ${attempt + 1} of ${wait.attempts} in ${Math.round(wait.waitMs / 1000)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait.waitMs));
    }
  }
}

function isLockError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /database is locked|SQLITE_BUSY|busy|timed out|timeout/i.test(text);
}
