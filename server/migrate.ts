import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Applies pending migrations with Prisma's own CLI (offline with the JavaScript schema engine), so the database of a
 * fresh machine or of an upgrade is in shape before the first request.
 */
export async function applyMigrations(databaseUrl: string, cwd: string = process.cwd()): Promise<void> {
  const file = databaseUrl.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(cwd, file)), { recursive: true });
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  try {
    await run(process.execPath, [cli, "migrate", "deploy"], { cwd, env: { ...process.env, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed for ${databaseUrl}:\n${e.stdout ?? ""}${e.stderr ?? ""}`, { cause: error });
  }
}
