import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/**
 * Opens the database. One PrismaClient per process: the better-sqlite3 driver holds one connection, so every write
 * of the process goes through a single writer (Prisma issue #29933: SQLITE_BUSY at COMMIT can break the client).
 */
export async function createDb(databaseUrl: string): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl }, { timestampFormat: "unixepoch-ms" });
  const db = new PrismaClient({ adapter });
  // WAL lets the station's readers run while the writer commits; the busy timeout waits out a CLI or a backup.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
