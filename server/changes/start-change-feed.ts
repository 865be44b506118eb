import type { TChange, TChangeCursor, TChangeSpan } from "@/lib/changes/change";
import { listenForCommits } from "@/lib/db/changes/announce-commit";
import { getChangeCursor } from "@/lib/db/changes/get-change-cursor";
import { readChangesSince, type TChangePage } from "@/lib/db/changes/read-changes-since";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";

/** Commits of other processes (the import CLI, later another node) are found within this. */
const CHANGE_POLL_MS = 250;

/**
 * Receives each page of changes, in order. A promise holds the next page back until it settles (the broadcaster's
 * reads, the alarm engine when it is far behind); a rejection hands the same page over again at the next read, so a
 * subscriber must take a change it has seen calmly (the engine and the screens both go by seq).
 */
export type TChangeSubscriber = (changes: readonly TChange[], span: TChangeSpan) => void | Promise<void>;

export interface ChangeFeedOptions {
  db: Db;
  log: Logger;
  /** Every change committed after the start, in the order given here: the broadcaster, then the alarm engine. */
  subscribers: readonly TChangeSubscriber[];
  intervalMs?: number;
  /**
   * Where to start in each log instead of its newest seq: a follower that stores its position (the alarm engine)
   * resumes there, so that what was committed while the station was down reaches it too.
   */
  from?: Partial<TChangeCursor>;
  /**
   * Whether a commit announced by this process wakes the feed (default true). A feed that another feed offers its
   * pages to (the alarm engine's, fed by the screens') is woken by the offers instead: woken by the commit too, it
   * would read the same rows a second time before the offer came.
   */
  wakeOnCommit?: boolean;
  /** Reads a page of the logs (a test counts the reads). */
  readPage?: typeof readChangesSince;
}

export interface ChangeFeed {
  /** Reads the logs now (after the read under way, if any); a commit announced on this process's client calls it. */
  kick(): void;
  /** Resolves once every change committed before the call has been handed over and its subscribers' promises settled. */
  caughtUp(): Promise<void>;
  /** The last seq of each log handed over: the heartbeat's lastSeq is the readings'. */
  readonly cursor: Readonly<TChangeCursor>;
  /** When (epoch ms) the feed last read the logs through to their end without error: readiness checks it. */
  lastCaughtUpAt(): number;
  /** Stops the poll and waits for the read under way; changes committed meanwhile are left to the next start. */
  stop(): Promise<void>;
  /**
   * A page another feed of this process has just read from the same logs. Taken instead of a read when it starts
   * exactly where this feed is; otherwise (this feed is behind, busy with a backlog, or already past it) dropped,
   * and the feed reads the logs itself. One page is held at most: a feed too busy to take it reads instead.
   */
  offer(changes: readonly TChange[], span: TChangeSpan): void;
}

/**
 * The one way the station learns what was committed, whoever committed it (STYLE.md §4): the database's append-only
 * logs are followed by seq — Observation (readings), AlarmEvent (alarms), DocumentChange (rounds signed or amended,
 * handover changed: written in the transaction of the change) — and each page of new rows is handed to the
 * subscribers as typed changes (lib/changes/change.ts). Chosen over callbacks from each writer because a writer in
 * another process (the import CLI) or a route handler bundled apart by Next (docs/stack.md) cannot reach this
 * process's sockets, and because a change that did not commit is never read: nothing is told from inside a
 * transaction, nothing committed is left untold. A commit of this process wakes the feed at once (announceCommit),
 * so live latency is one indexed read; other writers are found by the poll.
 *
 * One read at a time, pages in seq order, the cursor advanced only after the subscribers took a page: no gap, no
 * duplicate, whether kicked or polled. This holds because seq order is commit order: SQLite has one writer at a time,
 * and on PostgreSQL, whose writers commit concurrently, each transaction that writes a log takes the log-order lock
 * until it ends, so a smaller seq never commits after a larger one has been read (docs/deployment-database.md).
 */
export async function startChangeFeed({
  db,
  log,
  subscribers,
  intervalMs = CHANGE_POLL_MS,
  from = {},
  wakeOnCommit = true,
  readPage = readChangesSince,
}: ChangeFeedOptions): Promise<ChangeFeed> {
  const cursor: TChangeCursor = { ...(await getChangeCursor({ db })), ...from };
  let chain: Promise<void> = Promise.resolve();
  /** A read queued behind the one under way and not yet begun: it will see every commit made until it begins. */
  let queued: Promise<void> | null = null;
  let stopped = false;
  let caughtUpAt = Date.now();
  let offered: { changes: readonly TChange[]; span: TChangeSpan } | null = null;

  /** The page offered, if it starts where this feed is (the read it saves); else the logs' next page. */
  const nextPage = async (): Promise<TChangePage> => {
    const taken = offered;
    offered = null;
    if (taken && sameCursor(taken.span.from, cursor))
      return { changes: [...taken.changes], cursor: { ...taken.span.to }, more: false, unreadable: [] };
    return readPage({ db, cursor });
  };

  const readAll = async (): Promise<void> => {
    for (;;) {
      if (stopped) return;
      const page = await nextPage();
      for (const { seq, type } of page.unreadable)
        log.warn(`change feed: DocumentChange ${seq} of type "${type}" is not one this version knows; passed over`);
      if (page.changes.length > 0) {
        const span = { from: { ...cursor }, to: page.cursor };
        const results = await Promise.allSettled(subscribers.map(async (subscriber) => subscriber(page.changes, span)));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
        // Told again at the next read rather than lost: the cursor stays where it was.
        if (failed) throw failed.reason;
      }
      Object.assign(cursor, page.cursor);
      if (!page.more) {
        caughtUpAt = Date.now();
        return;
      }
    }
  };

  const schedule = (): Promise<void> => {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = null;
      return readAll().catch((error: unknown) =>
        log.error("change feed: a page could not be handed over; retried at the next read", error),
      );
    });
    queued = next;
    chain = next;
    return next;
  };

  const kick = (): void => void schedule();
  const offer = (changes: readonly TChange[], span: TChangeSpan): void => {
    if (stopped) return;
    // A second page before the first was taken: this feed is busy; it reads both from the logs when free.
    offered = offered === null ? { changes, span } : null;
    kick();
  };
  const stopListening = wakeOnCommit
    ? listenForCommits(db, (page) => (page ? offer(page.changes, page.span) : kick()))
    : () => undefined;
  const timer = setInterval(kick, intervalMs);
  timer.unref();

  return {
    kick,
    caughtUp: schedule,
    cursor,
    lastCaughtUpAt: () => caughtUpAt,
    offer,
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopListening();
      await chain;
    },
  };
}

function sameCursor(a: Readonly<TChangeCursor>, b: Readonly<TChangeCursor>): boolean {
  return a.observation === b.observation && a.alarm === b.alarm && a.document === b.document;
}
