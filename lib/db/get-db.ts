import { createDb, type Db } from "./client";

// The custom server and Next's route handlers run in one process but load separate module instances
// (docs/stack.md). Keeping the client on globalThis gives both the same connection: one writer.
const KEY = Symbol.for("ecmo-station.db");
type Holder = { [KEY]?: Promise<Db> };

export function getDb(): Promise<Db> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createDb(process.env.DATABASE_URL ?? "file:./data/station.db");
  return holder[KEY];
}

/** The server calls this once at start-up so that route handlers reuse its client rather than opening another. */
export function provideDb(db: Db): void {
  (globalThis as Holder)[KEY] = Promise.resolve(db);
}
