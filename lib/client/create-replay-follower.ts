import type { TReplayAnswer } from "@/lib/realtime/events";

export interface TReplayFollowerOptions<T extends { seq: number }> {
  /** The cached state a replay starts from (its lastSeq, and the serverTime that identifies it); undefined while none. */
  read(): { lastSeq: number; serverTime: number } | undefined;
  /** One replay page after `sinceSeq` (the socket command of the room being followed). */
  subscribe(sinceSeq: number): Promise<TReplayAnswer>;
  isConnected(): boolean;
  /** Parses a page's observations; throws on what does not parse (the replay then fails and is retried). */
  parse(observations: unknown): T[];
  /** Merges readings into the cache; must be idempotent, since a reading may come both by replay and live. */
  apply(readings: readonly T[]): void;
  onCatchUpResult?: (failed: boolean) => void;
  retryMs: number;
  /** Beyond this many held live readings the buffer is dropped and the replay asked again (the server has them). */
  maxBuffered: number;
}

export interface TReplayFollower<T> {
  /** Replays from the cache's lastSeq, page after page, then applies the live readings held meanwhile. */
  sync(): Promise<void>;
  /** Live readings of the followed room, parsed and filtered by the caller. */
  live(readings: readonly T[]): void;
  /**
   * The server says it sent the room readings up to `seq` (its heartbeat, sent after them on the same connection):
   * if the cache, up to date with everything applied, is behind it, a message was lost on the way (a node's link to
   * Redis blinked, a page that did not parse) and a replay fetches it from the database.
   */
  told(seq: number): void;
  /** After a disconnection nothing live is applied until a replay has brought what was missed. */
  disconnected(): void;
  dispose(): void;
}

/**
 * The catch-up engine that the station's and the bed's syncs share. Live readings are applied directly only on top of
 * the state the last completed replay brought up to date; otherwise they are held, because applying them would raise
 * lastSeq past readings the owed replay has not brought yet. A failed replay is retried while connected; a new
 * cached state during a replay (a refetched snapshot) means one more replay from it.
 */
export function createReplayFollower<T extends { seq: number }>(
  options: TReplayFollowerOptions<T>,
): TReplayFollower<T> {
  let disposed = false;
  let syncing = false;
  let rerun = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let buffer: T[] = [];
  /** serverTime of the state the last completed replay brought up to date; null while a replay is owed. */
  let syncedFrom: number | null = null;

  const replay = async () => {
    const start = options.read();
    if (!start || !options.isConnected()) return;
    let sinceSeq = start.lastSeq;
    for (;;) {
      const answer = await options.subscribe(sinceSeq);
      if (disposed) return;
      if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      const readings = options.parse(answer.observations);
      options.apply(readings);
      const last = readings.at(-1);
      if (!answer.more || !last) break;
      sinceSeq = last.seq;
    }
    const held = buffer;
    buffer = [];
    if (held.length > 0) options.apply(held);
    syncedFrom = start.serverTime;
    if (options.read()?.serverTime !== start.serverTime) rerun = true;
  };

  const sync = async (): Promise<void> => {
    if (disposed) return;
    syncedFrom = null;
    if (syncing) {
      rerun = true;
      return;
    }
    syncing = true;
    rerun = false;
    clearTimeout(retryTimer);
    let failed = false;
    try {
      await replay();
    } catch {
      failed = true;
    } finally {
      syncing = false;
    }
    if (disposed) return;
    options.onCatchUpResult?.(failed);
    if (rerun) void sync();
    else if (failed && options.isConnected()) retryTimer = setTimeout(() => void sync(), options.retryMs);
  };

  return {
    sync,
    live(readings) {
      const current = options.read();
      // Nothing cached yet: the replay that follows its arrival brings these readings.
      if (readings.length === 0 || !current) return;
      if (syncing || syncedFrom === null || current.serverTime !== syncedFrom) {
        buffer.push(...readings);
        if (buffer.length > options.maxBuffered) {
          buffer = [];
          rerun = true;
        }
        return;
      }
      options.apply(readings);
    },
    told(seq) {
      const current = options.read();
      if (syncing || syncedFrom === null || !current || current.serverTime !== syncedFrom) return;
      if (current.lastSeq < seq) void sync();
    },
    disconnected() {
      syncedFrom = null;
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
    },
  };
}
