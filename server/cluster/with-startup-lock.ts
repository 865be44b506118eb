import pg from "pg";

/** A key pair of its own, apart from the leader's (postgres-leadership.ts): a starting node waits for no leader. */
const STARTUP_LOCK = [0x4543, 0x4d50] as const;

/**
 * Runs the start-up work done once (migrations, demo seeding, default checklists) under a PostgreSQL session lock
 * when the station runs on several nodes: nodes starting together take turns, the first does the work, and the
 * others find it done (each step is idempotent: migrate deploy applies what is pending, the seeds create what is
 * missing). Without a lock URL this node is the only one and simply runs it. The lock is released when the work ends
 * or fails, and by PostgreSQL if the node dies meanwhile.
 */
export async function withStartupLock<T>(lockUrl: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!lockUrl) return work();
  const client = new pg.Client({ connectionString: lockUrl, application_name: "ecmo-station start-up lock" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", [...STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
