import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/**
 * Prisma's better-sqlite3 adapter, remembering the connection it opens. The write path's hot loop runs prepared
 * statements on that same connection (lib/db/observations/insert-observations.ts): one connection is one writer,
 * so Prisma's client and the fast path can never hold competing write locks (Prisma issue #29933).
 */
class SharedConnectionAdapter extends PrismaBetterSQLite3 {
  connection: Database.Database | undefined;

  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 Database in `client` (adapter 6.19); checked, so that an upgrade that
    // changes it fails at start-up rather than writing through a second connection.
    const client: unknown = (adapter as unknown as { client?: unknown }).client;
    if (!(client instanceof Database)) {
      throw new Error(
        "@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`: the write path cannot share it",
      );
    }
    this.connection = client;
    return adapter;
  }
}

/**
 * On globalThis: Next's pages and route handlers load their own instance of this module (docs/stack.md) and
 * reach the server's client through get-db.ts; a module-level map would not know that client's connection there.
 */
const ADAPTERS_KEY = Symbol.for("ecmo-station.db-adapters");
type TAdapters = WeakMap<Db, { readonly connection: Database.Database | undefined }>;
const ADAPTERS: TAdapters = ((globalThis as { [ADAPTERS_KEY]?: TAdapters })[ADAPTERS_KEY] ??= new WeakMap());

/**
 * Opens the database. One PrismaClient per process: the better-sqlite3 driver holds one connection, so every write
 * of the process goes through a single writer (Prisma issue #29933: SQLITE_BUSY at COMMIT can break the client).
 */
export async function createDb(databaseUrl: string): Promise<Db> {
  const adapter = new SharedConnectionAdapter({ url: databaseUrl }, { timestampFormat: "unixepoch-ms" });
  const db = new PrismaClient({ adapter });
  ADAPTERS.set(db, adapter);
  // WAL lets the station's readers run while the writer commits; the busy timeout waits out a CLI or a backup.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}

/** The better-sqlite3 connection behind a client made by createDb (the same one Prisma's queries use). */
export function sqliteConnection(db: Db): Database.Database {
  const connection = ADAPTERS.get(db)?.connection;
  if (!connection?.open)
    throw new Error("the database client is not connected (made by createDb, not yet disconnected)");
  return connection;
}
