import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Socket } from "socket.io";
import { actorOf, recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import {
  SOCKET_LIMITS,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type TSocketRefusalReason,
} from "@/lib/realtime/events";

type StationSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, Partial<SocketData>>;

/**
 * What one socket (or one user's sockets together) may ask of the server, so that one screen cannot take the station
 * down: a clinician's socket sending `alarm:subscribe` a few hundred times a second used to stop the server for a
 * minute (each one joined a room and read the database), and a display flooding refused acknowledgements wrote
 * 18,000 audit rows in 2 s.
 *
 * - every incoming event is counted per socket and per user (rate-limiter-flexible, in memory: one process owns its
 *   sockets); beyond the limit the command is answered RATE_LIMITED without running;
 * - a replay (the `*:subscribe` commands, which read pages from the database) runs at most one at a time per socket
 *   and room (a second answers BUSY), and at most REPLAY_CONCURRENCY across the process, the others queued up to
 *   REPLAY_QUEUE (then BUSY): the memory replays hold is bounded by concurrency × page size;
 * - a command refused FORBIDDEN/NOT_FOUND is refused again for a minute without running (its first refusal was
 *   audited by the access check; the repeats would each write a row);
 * - a socket refused more than ABUSE_REFUSALS times in a window is told why and disconnected;
 * - refusals are audited as counts: one `socket.refused` row per user, event and reason per minute.
 */
export interface SocketGuard {
  /** Installs the guard on a new socket; call first in the connection handler, before any `socket.on`. */
  protect(socket: StationSocket): void;
  /** Runs one replay, at most one per socket and room, and a bounded number across the process. */
  replay<T>(socket: StationSocket, event: string, room: string, run: () => Promise<T>): Promise<T | TBusy>;
  /** Writes the pending refusal counts to the audit trail (also done every minute). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

type TBusy = { ok: false; error: { code: "BUSY"; message: string } };

export function createSocketGuard({ db, log }: { db: Db; log: Logger }): SocketGuard {
  const perSocket = new RateLimiterMemory({
    keyPrefix: "socket",
    points: SOCKET_LIMITS.perSocketEvents,
    duration: SOCKET_LIMITS.windowSeconds,
  });
  const perUser = new RateLimiterMemory({
    keyPrefix: "user",
    points: SOCKET_LIMITS.perUserEvents,
    duration: SOCKET_LIMITS.windowSeconds,
  });
  /** Refusals per socket in the current window: beyond ABUSE_REFUSALS the socket is closed. */
  const refusalsBySocket = new Map<string, number>();
  /** Counts waiting to be audited: key user|event|reason. */
  const tally = new Map<
    string,
    { socket: StationSocket; event: string; reason: TSocketRefusalReason; count: number }
  >();
  /** (socket, event, payload) refused by an access check: refused again without running until the time given. */
  const deniedUntil = new Map<string, { until: number; message: string }>();
  const replaysInFlight = new Set<string>();
  let running = 0;
  const queue: Array<() => void> = [];
  let windowStart = new Date();

  const refuse = (
    socket: StationSocket,
    event: string,
    reason: TSocketRefusalReason,
    ack: unknown,
    message: string,
  ) => {
    const principal = socket.data.principal;
    const key = `${principal?.userId ?? socket.id}|${event}|${reason}`;
    const entry = tally.get(key) ?? { socket, event, reason, count: 0 };
    entry.count += 1;
    tally.set(key, entry);
    const code = reason === "forbidden" ? "FORBIDDEN" : reason === "busy" ? "BUSY" : "RATE_LIMITED";
    if (typeof ack === "function") (ack as (a: unknown) => void)({ ok: false, error: { code, message } });
    const refusals = (refusalsBySocket.get(socket.id) ?? 0) + 1;
    refusalsBySocket.set(socket.id, refusals);
    if (refusals === SOCKET_LIMITS.abuseRefusals + 1) {
      log.warn(`socket ${socket.id} closed: ${refusals} refused commands in ${SOCKET_LIMITS.windowSeconds} s`);
      socket.emit("connection:refused", { reason: "too-many-requests" });
      socket.disconnect(true);
    }
  };

  const protect = (socket: StationSocket) => {
    socket.on("disconnect", () => {
      refusalsBySocket.delete(socket.id);
      for (const key of deniedUntil.keys()) if (key.startsWith(`${socket.id}|`)) deniedUntil.delete(key);
    });
    socket.use((packet, next) => {
      const event = String(packet[0]);
      const last: unknown = packet.length > 1 ? packet[packet.length - 1] : undefined;
      const ack: unknown = typeof last === "function" ? last : undefined;
      const userId = socket.data.principal?.userId ?? socket.id;
      const deniedKey = `${socket.id}|${event}|${payloadKey(packet[1])}`;
      const denied = deniedUntil.get(deniedKey);
      if (denied && denied.until > Date.now()) return refuse(socket, event, "forbidden", ack, denied.message);
      const pass = (): void => {
        if (ack) {
          // Remember an access refusal, so that its repeats are refused here (counted) rather than audited each.
          packet[packet.length - 1] = (answer: unknown) => {
            const error = (answer as { error?: { code?: string; message?: string } } | undefined)?.error;
            if (error && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
              deniedUntil.set(deniedKey, {
                until: Date.now() + SOCKET_LIMITS.deniedMemoryMs,
                message: error.message ?? error.code,
              });
            }
            (ack as (a: unknown) => void)(answer);
          };
        }
        next();
      };
      // Both limiters count every event (a refused one too, so a flood stays refused while it lasts).
      Promise.all([perSocket.consume(socket.id), perUser.consume(userId)]).then(pass, (error: unknown) => {
        if (error instanceof Error) log.error("socket rate limiter failed", error);
        refuse(socket, event, "rate-limited", ack, "too many requests: wait a moment and retry");
      });
    });
  };

  const replay = async <T>(
    socket: StationSocket,
    event: string,
    room: string,
    run: () => Promise<T>,
  ): Promise<T | TBusy> => {
    const key = `${socket.id}|${room}`;
    const full = running >= SOCKET_LIMITS.replayConcurrency && queue.length >= SOCKET_LIMITS.replayQueue;
    if (replaysInFlight.has(key) || full) {
      const message = full ? "the server is busy replaying; retry in a moment" : "a replay of this room is running";
      refuse(socket, event, "busy", undefined, message);
      return { ok: false, error: { code: "BUSY", message } };
    }
    replaysInFlight.add(key);
    try {
      if (running >= SOCKET_LIMITS.replayConcurrency) await new Promise<void>((resolve) => queue.push(resolve));
      running += 1;
      try {
        return await run();
      } finally {
        running -= 1;
        queue.shift()?.();
      }
    } finally {
      replaysInFlight.delete(key);
    }
  };

  const flush = async () => {
    const now = new Date();
    const entries = [...tally.values()];
    tally.clear();
    refusalsBySocket.clear();
    for (const [key, denied] of deniedUntil) if (denied.until <= now.getTime()) deniedUntil.delete(key);
    const from = windowStart;
    windowStart = now;
    for (const entry of entries) {
      const principal = entry.socket.data.principal;
      await recordAuditEvent({
        db,
        action: "socket.refused",
        outcome: "denied",
        actor: principal ? actorOf(principal) : null,
        context: {
          ipAddress: entry.socket.handshake.address ?? null,
          userAgent: entry.socket.handshake.headers["user-agent"] ?? null,
        },
        target: { type: "socket-event", id: entry.event },
        details: { reason: entry.reason, count: entry.count, from: from.toISOString(), to: now.toISOString() },
        now,
      });
    }
  };

  const timer = setInterval(() => {
    flush().catch((error: unknown) => log.error("socket refusal audit failed", error));
  }, SOCKET_LIMITS.auditWindowMs);
  timer.unref();

  return {
    protect,
    replay,
    flush,
    async close() {
      clearInterval(timer);
      await flush().catch((error: unknown) => log.error("socket refusal audit failed", error));
    },
  };
}

/** A short, stable key of what a command asked for (its unit, bed or alarm), so one refusal is not another's. */
function payloadKey(payload: unknown): string {
  if (!payload || typeof payload !== "object") return "";
  const p = payload as Record<string, unknown>;
  return [p.unitId, p.bedId, p.alarmId].map((v) => (typeof v === "string" ? v.slice(0, 64) : "")).join("/");
}
