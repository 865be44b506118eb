import { PrismaPg } from "@prisma/adapter-pg";

/**
 * @prisma/adapter-pg for Prisma's CLI (prisma.config.ts), running each migration script as ONE query. The adapter
 * splits a script at every ";" (adapter-pg 7.10), which breaks a PL/pgSQL function body (the append-only and
 * log-order triggers of prisma/postgres/migrations). PostgreSQL runs a multi-statement simple query as one implicit
 * transaction, so a migration now also applies entirely or not at all.
 */
export class PrismaPgMigrations extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}
