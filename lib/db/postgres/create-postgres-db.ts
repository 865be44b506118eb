import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresPrismaClient } from "../generated-pg/client";
import type { PrismaClient } from "../generated/client";

/** Connections per process: the writer, the change feed, route handlers and the alarm engine share them. */
const POOL_SIZE = 10;

/**
 * A Prisma client on PostgreSQL through @prisma/adapter-pg on a pg pool that the hot paths share (lib/db/dialect.ts).
 * adapter-pg 7.x with the 6.19 client (6.19's adapter fails `migrate deploy`: docs/deployment-database.md).
 *
 * Typed as the SQLite client: both are generated from the same schema text (prisma/postgres/postgres-schema.ts, a test
 * fails when they drift), so their models, fields, inputs and results are the same types; PostgreSQL's client
 * accepts a few more options (case-insensitive filters) that the station does not use.
 */
export function createPostgresDb(databaseUrl: string): { db: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // An idle connection dropped by the server must not crash the process: the next query opens another.
  pool.on("error", () => undefined);
  const db = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
  return { db, pool };
}
