import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { toWire, type TCommittedObservation } from "@/lib/observations/observation";
import {
  HEARTBEAT_INTERVAL_MS,
  REPLAY_PAGE_SIZE,
  ZBedSubscribe,
  ZRoomLeave,
  ZUnitSubscribe,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type TReplayAnswer,
} from "@/lib/realtime/events";
import type { Db } from "@/lib/server/db/client";
import { findObservationsSince, type TReplayScope } from "@/lib/server/observations/find-observations-since";
import type { Logger } from "../logger";

export type StationIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeOptions {
  httpServer: HttpServer;
  db: Db;
  /** The last committed sequence number, sent with every heartbeat. */
  lastSeq: () => number;
  log: Logger;
  /** Origins allowed to open a socket; undefined accepts same-origin requests only (socket.io's default CORS). */
  allowedOrigins?: string[];
}

export interface Realtime {
  io: StationIo;
  /** Broadcast readings that were just committed to their unit's and bed's rooms. */
  broadcast(observations: TCommittedObservation[]): void;
  close(): Promise<void>;
}

export function attachRealtime(options: RealtimeOptions): Realtime {
  const io: StationIo = new Server(options.httpServer, {
    path: "/socket.io",
    cors: options.allowedOrigins ? { origin: options.allowedOrigins } : undefined,
    // Replay is ours, from the database (STYLE.md §4): socket.io's in-memory recovery stays off.
    serveClient: false,
  });

  io.on("connection", (socket) => {
    socket.data.connectedAt = Date.now();

    const replay = async (scope: TReplayScope, room: string, sinceSeq: number): Promise<TReplayAnswer> => {
      // Join first, then read: a reading committed after the join is broadcast to us, one committed before the read
      // is in the answer, so nothing falls between (duplicates are dropped by the client by seq).
      await socket.join(room);
      const observations = await findObservationsSince({ db: options.db, scope, sinceSeq, limit: REPLAY_PAGE_SIZE });
      return { ok: true, observations, more: observations.length === REPLAY_PAGE_SIZE };
    };

    socket.on("unit:subscribe", (payload, ack) => {
      answer(ack, async () => {
        const parsed = ZUnitSubscribe.safeParse(payload);
        if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
        const unit = await options.db.unit.findUnique({ where: { id: parsed.data.unitId }, select: { id: true } });
        if (!unit) return { ok: false, error: { code: "NOT_FOUND", message: `no unit "${parsed.data.unitId}"` } };
        return replay({ unitId: unit.id }, rooms.unit(unit.id), parsed.data.sinceSeq);
      }, options.log);
    });

    socket.on("bed:subscribe", (payload, ack) => {
      answer(ack, async () => {
        const parsed = ZBedSubscribe.safeParse(payload);
        if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
        const bed = await options.db.bed.findUnique({ where: { id: parsed.data.bedId }, select: { id: true } });
        if (!bed) return { ok: false, error: { code: "NOT_FOUND", message: `no bed "${parsed.data.bedId}"` } };
        return replay({ bedId: bed.id }, rooms.bed(bed.id), parsed.data.sinceSeq);
      }, options.log);
    });

    socket.on("room:leave", (payload) => {
      const parsed = ZRoomLeave.safeParse(payload);
      if (parsed.success) void socket.leave(parsed.data.room);
    });
  });

  const heartbeat = setInterval(() => {
    io.emit("server:heartbeat", { at: Date.now(), lastSeq: options.lastSeq() });
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();

  return {
    io,
    broadcast(observations) {
      const byUnit = groupBy(observations, (o) => o.unitId);
      for (const [unitId, list] of byUnit) io.to(rooms.unit(unitId)).emit("observation:recorded", { unitId, observations: list.map(toWire) });
      const byBed = groupBy(observations, (o) => o.bedId);
      for (const [bedId, list] of byBed) {
        const unitId = list[0]?.unitId ?? "";
        io.to(rooms.bed(bedId)).except(rooms.unit(unitId)).emit("observation:recorded", { unitId, observations: list.map(toWire) });
      }
    },
    async close() {
      clearInterval(heartbeat);
      await io.close();
    },
  };
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
    reply({ ok: false, error: { code: "INTERNAL", message: "the server could not answer; retry" } });
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
