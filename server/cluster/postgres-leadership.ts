import pg from "pg";
import { assertLeaderEpoch, claimLeaderEpoch } from "@/lib/db/cluster/leader-epoch";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { TermListeners, type Leadership } from "./leadership";

/** pg_try_advisory_lock(int4, int4): the station's key pair ("EC", "MO"), shared by every node of one station. */
const LEADER_LOCK = [0x4543, 0x4d4f] as const;
/** How often a follower tries the lock, and the leader proves to PostgreSQL (and to itself) that it is alive. */
const ROUND_MS = 1_000;
/**
 * PostgreSQL ends a session idle this long, which releases its lock: a leader whose process stalled (a long pause,
 * a frozen VM) loses the lock within this, though its connection stays open. Its pings keep a live leader's session
 * busy; when it wakes, its fenced writes fail and its next ping finds the session gone.
 *
 * Longer than any stall a live, busy node goes through, else the lead moves under load (it did, every few seconds,
 * with 5 s): a SQLite writer waiting for another process's write lock blocks the event loop, pings included, for up
 * to its busy timeout (5 s, lib/db/client.ts), and a loaded machine adds its own pauses. A frozen leader's work thus
 * moves after at most this plus a round plus the new engine's takeover grace (docs/deployment.md); a killed one's
 * at once, its socket closed by the kernel.
 */
export const IDLE_SESSION_TIMEOUT_MS = 10_000;
/**
 * A lock query unanswered this long counts as a lost connection (the client ends it, releasing the lock): a link gone
 * silent, which TCP would take minutes to notice. Twice the idle timeout, because a slow answer is not a lost lock:
 * after a stall the answer and this timer are both due, and the timer runs first (it did, with 3 s, and a busy leader
 * gave up a lock it still held). A session PostgreSQL ended is seen at once: its socket closes.
 */
const QUERY_TIMEOUT_MS = 2 * IDLE_SESSION_TIMEOUT_MS;
/**
 * Rounds a node that lost the lock sits out before trying it again. Its session ended under it: the node most likely
 * stalled, or its link did. The followers, which try every round, take over first, instead of a race the node that
 * just failed may win (and the lead flapping back to it); alone, it leads again after these rounds.
 */
const ROUNDS_OUT_AFTER_LOSS = 3;

/**
 * Leader election by a session-level PostgreSQL advisory lock on a connection of its own: whoever holds the lock
 * leads; PostgreSQL releases it when the connection drops (a node killed, its machine gone: at once for a closed
 * socket, after IDLE_SESSION_TIMEOUT_MS for a silent one). Each node tries every ROUND_MS; a new leader claims the
 * next fencing epoch before it starts any work (lib/db/cluster/leader-epoch.ts), so a former leader that wakes
 * after a stall writes nothing. Worst-case takeover after a kill: the other nodes' next round (≤ 1 s).
 */
export async function startPostgresLeadership({
  lockUrl,
  db,
  nodeId,
  log,
  now = () => new Date(),
  roundMs = ROUND_MS,
}: {
  lockUrl: string;
  db: Db;
  nodeId: string;
  log: Logger;
  now?: () => Date;
  roundMs?: number;
}): Promise<Leadership> {
  const terms = new TermListeners(log);
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** performance.now() before which this node leaves the lock to the others, having just lost it. */
  let sitOutUntil = 0;

  const drop = async (why: unknown): Promise<void> => {
    const old = client;
    client = null;
    if (old) void old.end().catch(() => undefined);
    if (terms.current()) {
      sitOutUntil = performance.now() + ROUNDS_OUT_AFTER_LOSS * roundMs;
      log.warn(`leadership: node ${nodeId} lost the leader lock (${describe(why)}); its leader work stops`);
      // Awaited: this node tries the lock again only once its former term's work has stopped.
      await terms.set(null);
    }
  };

  const connect = async (): Promise<pg.Client> => {
    const fresh = new pg.Client({
      connectionString: lockUrl,
      application_name: `ecmo-station leader lock ${nodeId}`.slice(0, 63),
      keepAlive: true,
      query_timeout: QUERY_TIMEOUT_MS,
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      // A dead peer is noticed by TCP, too, well before its default two hours.
      keepAliveInitialDelayMillis: IDLE_SESSION_TIMEOUT_MS,
    });
    // An error on an idle client (the server ended the session) is taken at the next round, not thrown.
    fresh.on("error", (error) => void (client === fresh ? drop(error) : undefined));
    await fresh.connect();
    await fresh.query(`SET idle_session_timeout = ${IDLE_SESSION_TIMEOUT_MS}`);
    return fresh;
  };

  const round = async (): Promise<void> => {
    if (!terms.current() && performance.now() < sitOutUntil) return;
    try {
      client ??= await connect();
      if (terms.current()) {
        await client.query("SELECT 1");
        return;
      }
      const answer = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [
        ...LEADER_LOCK,
      ]);
      if (!answer.rows[0]?.got) return;
      const epoch = await claimLeaderEpoch({ db, nodeId, now: now() });
      log.info(`leadership: node ${nodeId} leads (epoch ${epoch})`);
      // Not awaited: starting the leader's work (an engine replaying a backlog) may take longer than the session's
      // idle timeout, and the pings must go on meanwhile. The listeners take the changes in order all the same.
      void terms.set({ epoch, fence: (tx) => assertLeaderEpoch({ db: tx, epoch }) });
    } catch (error) {
      await drop(error);
    }
  };

  const loop = (): void => {
    if (stopped) return;
    running = round().finally(() => {
      if (!stopped) timer = setTimeout(loop, roundMs);
    });
  };
  loop();
  await running;

  return {
    nodeId,
    shared: true,
    current: () => terms.current(),
    onChange: (listener) => terms.add(listener),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await terms.set(null);
      const old = client;
      client = null;
      // Ending the session releases the lock at once: another node takes over at its next round.
      await old?.end().catch(() => undefined);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
