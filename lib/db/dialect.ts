import { dialectOf, type Db } from "./client";

/*
 * The one seam between the two engines for raw SQL. Prisma's own queries are the same on both; the hot paths' raw SQL
 * is written once per engine where the engines differ (a `.pg.ts` file beside the SQLite one, chosen by dialectOf),
 * and once for both where it is plain SQL, through these two helpers:
 *  - placeholders: SQLite binds `?`, PostgreSQL `$1, $2, …`;
 *  - a time: SQLite stores a DateTime as integer milliseconds (timestampFormat unixepoch-ms), PostgreSQL as
 *    timestamp(3), which Prisma binds from a Date and hands back as a Date (Number(date) is its milliseconds).
 */

/** `sql` written with `?` placeholders, as `db`'s engine binds them. A `?` inside a string literal is not allowed. */
export function sqlFor(db: Db | Pick<Db, never>, sql: string): string {
  if (dialectOf(db) === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** 9999-12-31T23:59:59.999Z: the latest instant every engine and Prisma's parameter encoding take. */
const LATEST_INSTANT_MS = 253_402_300_799_999;

/**
 * An instant (milliseconds since the epoch) as `db`'s engine compares it with a DateTime column. A bound meaning "every
 * reading" (a Date's own maximum, year 275760) is brought to the end of year 9999: PostgreSQL's timestamp and Prisma's
 * encoding refuse later instants, and no reading is dated after it.
 */
export function timeParam(db: Db | Pick<Db, never>, ms: number): number | Date {
  const at = Math.min(ms, LATEST_INSTANT_MS);
  return dialectOf(db) === "sqlite" ? at : new Date(at);
}
