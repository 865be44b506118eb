import type { TCommittedPage } from "@/lib/changes/change";
import type { Db } from "../client";

/** Told of each commit, with its page when the writer knew it whole (insertObservations on PostgreSQL). */
type TListener = (page: TCommittedPage | undefined) => void;
type TListeners = WeakMap<Db, Set<TListener>>;

/*
 * A commit that appended to a log the change feed follows (Observation, AlarmEvent, DocumentChange) wakes the feed of
 * this process at once; commits of other processes are found by its poll. The signal carries at most the page the
 * writer committed, which a feed standing where the page starts takes instead of a read; otherwise what changed is
 * read from the database, so a signal lost, or announced where no feed listens (a route test, a CLI), costs only
 * the poll's delay. Kept on globalThis, keyed by the client, because Next's route handlers load their own instance
 * of this module (docs/stack.md), as lib/db/client.ts keeps its adapters.
 */
const KEY = Symbol.for("ecmo-station.commit-listeners");
const LISTENERS: TListeners = ((globalThis as { [KEY]?: TListeners })[KEY] ??= new WeakMap());

/** After a commit on `db` that appended to a followed log; `page`: what it appended, when the writer knows it whole. */
export function announceCommit(db: Db, page?: TCommittedPage): void {
  for (const listener of LISTENERS.get(db) ?? []) listener(page);
}

/** Called after each commit announced on `db`; answers a function that stops it. */
export function listenForCommits(db: Db, listener: TListener): () => void {
  let listeners = LISTENERS.get(db);
  if (!listeners) LISTENERS.set(db, (listeners = new Set()));
  const set = listeners;
  set.add(listener);
  return () => void set.delete(listener);
}
