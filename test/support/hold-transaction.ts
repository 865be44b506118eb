import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** A model whose rows the operations under test create in their transactions. */
type THeldModel = "auditEvent" | "alarmEvent";

/**
 * `db`, whose transactions stop before they create a row of `model` until `release` is called; `paused` resolves
 * when one has stopped. For PostgreSQL tests that force two transactions into one interleaving: the operation holds
 * the row locks it took before that write while the other transaction runs.
 */
export function holdBeforeCreate(db: Db, model: THeldModel): { db: Db; paused: Promise<void>; release: () => void } {
  let signal = () => {};
  let release = () => {};
  const paused = new Promise<void>((resolve) => (signal = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  // Any other member is the client's own (a method is called on the proxy, which hands out the client's members).
  const member = (target: object, key: PropertyKey): unknown => (target as Record<PropertyKey, unknown>)[key];
  const holding = (tx: Prisma.TransactionClient) =>
    new Proxy(tx, {
      get: (target, key) =>
        key === model
          ? {
              create: async (args: unknown) => {
                signal();
                await released;
                const delegate = target[model] as unknown as { create: (args: unknown) => Promise<unknown> };
                return delegate.create(args);
              },
            }
          : member(target, key),
    });
  const wrapped = new Proxy(db, {
    get: (target, key) =>
      key === "$transaction"
        ? (run: (tx: Prisma.TransactionClient) => Promise<unknown>) => target.$transaction((tx) => run(holding(tx)))
        : member(target, key),
  });
  return { db: wrapped, paused, release };
}

/** Whether another connection to the test database waits for a lock, within `ms` (PostgreSQL). */
export async function someoneWaitsForALock(db: Db, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/**
 * "committed", or the error's code and the last line of its message: pg's 40P01 'deadlock detected', Prisma's P2034
 * 'Transaction failed due to a write conflict or a deadlock' (its message begins with the query's place in the code).
 */
export function outcome(settled: PromiseSettledResult<unknown>): string {
  if (settled.status === "fulfilled") return "committed";
  const error = settled.reason as { code?: unknown; message?: unknown };
  return `${String(error.code)}: ${String(error.message).trim().split("\n").at(-1)}`;
}
