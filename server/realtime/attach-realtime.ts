import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { can, isKioskRole } from "@/lib/auth/permissions";
import { readSessionToken } from "@/lib/auth/session-cookie";
import {
  REPLAY_PAGE_SIZE,
  ZBedSubscribe,
  ZRoomLeave,
  ZUnitSubscribe,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type TCommandError,
  type THandshakeRefusal,
  type TReplayAnswer,
  type TSessionEndReason,
  SESSION_SWEEP_MS,
  INTERNAL_COMMAND_ERROR,
} from "@/lib/realtime/events";
import type { TAuthConfig } from "@/lib/db/auth/auth-config";
import { assertBedAccess, assertUnitAccess } from "@/lib/db/auth/authorize";
import { findEndedSessions } from "@/lib/db/auth/find-ended-sessions";
import { validateSession } from "@/lib/db/auth/validate-session";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "../auth/client-address";
import { isSameOriginRequest } from "../auth/origin-check";
import type { Db } from "@/lib/db/client";
import { findObservationsSince, type TReplayScope } from "@/lib/db/observations/find-observations-since";
import type { Logger } from "@/lib/log/logger";
import { createSocketGuard, type SocketGuard } from "./socket-guard";

export type StationIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeOptions {
  httpServer: HttpServer;
  db: Db;
  log: Logger;
  /** Sessions, and the origin a browser's socket must come from. */
  auth: TAuthConfig;
  now?: () => Date;
}

export interface Realtime {
  io: StationIo;
  /** Tells the sockets of these sessions why, and closes them. */
  endSessions(sessionIds: readonly string[], reason: TSessionEndReason): void;
  /** Every socket event's limits and the replay budget; the other command sets use it too. */
  guard: SocketGuard;
  close(): Promise<void>;
}

export function attachRealtime(options: RealtimeOptions): Realtime {
  const now = options.now ?? (() => new Date());
  const io: StationIo = new Server(options.httpServer, {
    path: "/socket.io",
    // Cross-site WebSocket hijacking: a page of another site could open a socket with the user's cookie. A browser
    // always sends Origin on a handshake; a foreign one is refused before the session is even looked at.
    allowRequest: (req, callback) => {
      const allowed = isSameOriginRequest(req, options.auth.publicOrigin);
      callback(allowed ? null : "origin not allowed", allowed);
    },
    // Replay is ours, from the database (STYLE.md §4): socket.io's in-memory recovery stays off.
    serveClient: false,
  });

  // The handshake authenticates with the same session cookie as the pages; no session, no socket.
  io.use((socket, next) => {
    const req = socket.request;
    const context = {
      ipAddress: clientAddress(req, options.auth.trustProxy),
      userAgent: req.headers["user-agent"] ?? null,
    };
    validateSession({
      db: options.db,
      token: readSessionToken(req.headers.cookie),
      config: options.auth,
      now: now(),
      context,
    }).then(
      (check) => {
        if (check.status !== "valid") {
          const refusal = new Error("UNAUTHENTICATED") as Error & { data: THandshakeRefusal };
          refusal.data = { code: "UNAUTHENTICATED", reason: check.status === "expired" ? "expired" : "none" };
          return next(refusal);
        }
        socket.data.principal = check.principal;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error("handshake failed")),
    );
  });

  const guard = createSocketGuard({ db: options.db, log: options.log });

  io.on("connection", (socket) => {
    // First, before any command handler: every event passes the guard's limits.
    guard.protect(socket);
    socket.data.connectedAt = Date.now();
    const principal = socket.data.principal;
    const context = {
      ipAddress: clientAddress(socket.request, options.auth.trustProxy),
      userAgent: socket.request.headers["user-agent"] ?? null,
    };
    void socket.join(rooms.session(principal.sessionId));
    if (can(principal.role, "import.view")) void socket.join(rooms.imports);
    if (isKioskRole(principal.role)) void socket.join(rooms.kiosks);

    const replay = (event: string, scope: TReplayScope, room: string, sinceSeq: number): Promise<TReplayAnswer> =>
      // One page at a time per room, and a bounded number across the process (the guard's replay budget).
      guard.replay(socket, event, room, async () => {
        // Join first, then read: a reading committed after the join is broadcast to us, one committed before the read
        // is in the answer, so nothing falls between (duplicates are dropped by the client by seq).
        await socket.join(room);
        const observations = await findObservationsSince({ db: options.db, scope, sinceSeq, limit: REPLAY_PAGE_SIZE });
        return { ok: true, observations, more: observations.length === REPLAY_PAGE_SIZE };
      });

    socket.on("unit:subscribe", (payload, ack) => {
      answer(
        ack,
        async () => {
          const parsed = ZUnitSubscribe.safeParse(payload);
          if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
          const unit = await options.db.unit.findUnique({ where: { id: parsed.data.unitId }, select: { id: true } });
          if (!unit) return { ok: false, error: { code: "NOT_FOUND", message: `no unit "${parsed.data.unitId}"` } };
          const refused = await refusal(() =>
            assertUnitAccess({
              db: options.db,
              principal,
              action: "station.view",
              unitId: unit.id,
              context,
              target: { type: "unit", id: unit.id },
              via: "socket unit:subscribe",
            }),
          );
          if (refused) return refused;
          return replay("unit:subscribe", { unitId: unit.id }, rooms.unit(unit.id), parsed.data.sinceSeq);
        },
        options.log,
      );
    });

    socket.on("bed:subscribe", (payload, ack) => {
      answer(
        ack,
        async () => {
          const parsed = ZBedSubscribe.safeParse(payload);
          if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
          const bedId = parsed.data.bedId;
          const refused = await refusal(() =>
            assertBedAccess({
              db: options.db,
              principal,
              action: "bed.view",
              bedId,
              context,
              via: "socket bed:subscribe",
            }),
          );
          if (refused) return refused;
          return replay("bed:subscribe", { bedId }, rooms.bed(bedId), parsed.data.sinceSeq);
        },
        options.log,
      );
    });

    socket.on("room:leave", (payload) => {
      const parsed = ZRoomLeave.safeParse(payload);
      // Only a unit's, a bed's or a unit's handover room: the session's room is how a sign-out reaches this socket.
      if (!parsed.success || !/^(unit|bed|handover):/.test(parsed.data.room)) return;
      void socket.leave(parsed.data.room);
      // A wall display leaving its unit leaves the unit's kiosk room too (its alarm changes).
      if (parsed.data.room.startsWith("unit:")) void socket.leave(rooms.kioskUnit(parsed.data.room.slice(5)));
    });
  });

  const endSessions = (sessionIds: readonly string[], reason: TSessionEndReason): void => {
    for (const id of sessionIds) {
      io.to(rooms.session(id)).emit("session:ended", { reason });
      io.in(rooms.session(id)).disconnectSockets(true);
    }
  };

  // Sessions end elsewhere too (an admin deactivates a user or revokes a display from a Next route, a session idles
  // out): every few seconds the sessions behind open sockets are checked, and the ended ones' sockets are closed.
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    const ids = [
      ...new Set(
        [...io.sockets.sockets.values()]
          .map((s) => (s.data as Partial<SocketData>).principal?.sessionId)
          .filter((id): id is string => !!id),
      ),
    ];
    findEndedSessions({ db: options.db, sessionIds: ids, config: options.auth, now: now() })
      .then((ended) => {
        for (const [id, reason] of ended) endSessions([id], reason);
      })
      .catch((error: unknown) => options.log.error("session sweep failed", error))
      .finally(() => (sweeping = false));
  }, SESSION_SWEEP_MS);
  sweep.unref();

  return {
    io,
    endSessions,
    guard,
    async close() {
      clearInterval(sweep);
      await guard.close();
      await io.close();
    },
  };
}

/** Runs an access check; a refusal becomes the command's error answer (the check has audited it). */
async function refusal(check: () => Promise<unknown>): Promise<TCommandError | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND"))
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

function invalid(message: string | undefined): TReplayAnswer {
  return { ok: false, error: { code: "INVALID_PAYLOAD", message: message ?? "invalid payload" } };
}

/** Runs a command and answers through its acknowledgement; a forged event without a callback is simply ignored. */
function answer(ack: unknown, run: () => Promise<TReplayAnswer>, log: Logger): void {
  if (typeof ack !== "function") return;
  const reply = ack as (answer: TReplayAnswer) => void;
  run().then(reply, (error: unknown) => {
    log.error("socket command failed", error);
    reply(INTERNAL_COMMAND_ERROR);
  });
}
