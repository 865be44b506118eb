import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import type pg from "pg";
import { PrismaClient } from "./generated/client";
import { createPostgresDb } from "./postgres/create-postgres-db";

export type Db = PrismaClient;

/** Which engine a client talks to: the hot paths have one version per engine (lib/db/dialect.ts). */
export type TDialect = "sqlite" | "postgres";

/** `postgresql://…` (or `postgres://…`) is PostgreSQL; anything else (`file:…`) the SQLite file, the default. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

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

type TConnections =
  | { readonly dialect: "sqlite"; readonly adapter: { readonly connection: Database.Database | undefined } }
  | { readonly dialect: "postgres"; readonly pool: pg.Pool };

/**
 * On globalThis: Next's pages and route handlers load their own instance of this module (docs/stack.md) and
 * reach the server's client through get-db.ts; a module-level map would not know that client's connection there.
 */
const ADAPTERS_KEY = Symbol.for("ecmo-station.db-adapters");
type TAdapters = WeakMap<Db, TConnections>;
const ADAPTERS: TAdapters = ((globalThis as { [ADAPTERS_KEY]?: TAdapters })[ADAPTERS_KEY] ??= new WeakMap());

/**
 * Opens the database `databaseUrl` names. SQLite: one PrismaClient per process, the better-sqlite3 driver holding one
 * connection, so every write of the process goes through a single writer (Prisma issue #29933: SQLITE_BUSY at COMMIT
 * can break the client). PostgreSQL: a pg pool shared by Prisma's adapter and the hot paths.
 */
export async function createDb(databaseUrl: string): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) {
    const { db, pool } = createPostgresDb(databaseUrl);
    ADAPTERS.set(db, { dialect: "postgres", pool });
    await db.$connect();
    return db;
  }
  const adapter = new SharedConnectionAdapter({ url: databaseUrl }, { timestampFormat: "unixepoch-ms" });
  const db = new PrismaClient({ adapter });
  ADAPTERS.set(db, { dialect: "sqlite", adapter });
  // WAL lets the station's readers run while the writer commits; the busy timeout waits out a CLI or a backup.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}

/**
 * The engine of a client made by createDb, or of a transaction client of one (Prisma's transaction client is a
 * proxy of the client and answers its `_activeProvider`).
 */
export function dialectOf(db: Db | Pick<Db, never>): TDialect {
  const known = ADAPTERS.get(db as Db);
  if (known) return known.dialect;
  const provider = (db as { _activeProvider?: unknown })._activeProvider;
  if (provider === "postgresql") return "postgres";
  if (provider === "sqlite") return "sqlite";
  throw new Error("not a database client made by createDb");
}

/** The better-sqlite3 connection behind a SQLite client made by createDb (the same one Prisma's queries use). */
export function sqliteConnection(db: Db): Database.Database {
  const known = ADAPTERS.get(db);
  const connection = known?.dialect === "sqlite" ? known.adapter.connection : undefined;
  if (!connection?.open)
    throw new Error("the database client is not connected (made by createDb, not yet disconnected)");
  return connection;
}

/** The pg pool behind a PostgreSQL client made by createDb (the one Prisma's adapter uses). */
export function postgresPool(db: Db): pg.Pool {
  const known = ADAPTERS.get(db);
  if (known?.dialect !== "postgres") throw new Error("not a PostgreSQL client made by createDb");
  return known.pool;
}

/** Closes a client made by createDb, and the pg pool of a PostgreSQL one. */
export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
  const known = ADAPTERS.get(db);
  if (known?.dialect === "postgres" && !known.pool.ended) await known.pool.end();
}
