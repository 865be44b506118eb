import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19 with the JavaScript schema engine: works offline (docs/stack.md). DATABASE_URL chooses the engine, as
// it does for the station (lib/db/client.ts): `postgresql://…` takes the PostgreSQL schema generated from the SQLite
// one and its own migrations (docs/deployment-database.md); anything else is the SQLite file.
const url = process.env.DATABASE_URL ?? "file:./data/station.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

/**
 * @prisma/adapter-pg for the CLI, running each migration script as ONE query. The adapter splits a script at every ";"
 * (adapter-pg 7.10), which breaks a PL/pgSQL function body (the append-only and log-order triggers of
 * prisma/postgres/migrations). PostgreSQL runs a multi-statement simple query as one implicit transaction, so a
 * migration also applies entirely or not at all. Here rather than in lib/: prisma/enums-and-json-migration.test.ts
 * copies this file alone into an older checkout.
 */
class PrismaPgMigrations extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: () =>
    Promise.resolve(
      postgres
        ? // adapter-pg 7.x with the 6.19 CLI: 6.19's fails migrate deploy ("Column type 'name' could not be deserialized").
          (new PrismaPgMigrations({ connectionString: url }) as unknown as PrismaBetterSQLite3)
        : new PrismaBetterSQLite3({ url }, { timestampFormat: "unixepoch-ms" }),
    ),
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
});
