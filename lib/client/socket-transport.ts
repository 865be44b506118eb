import { unpackObservations } from "@/lib/observations/packed-observations";
import type { TBedSubscribe, TObservationsRecorded, TReplayAnswer, TUnitSubscribe } from "@/lib/realtime/events";
import type { TStationSocket } from "./socket";

/** A replay page that has not answered by then is asked again: the server answers within a second when well. */
export const REPLAY_TIMEOUT_MS = 10_000;

/** What a sync needs of the socket for one kind of room; narrow, so that tests drive a sync without a server. */
export interface TRoomTransport<TSubscribe> {
  isConnected(): boolean;
  subscribe(payload: TSubscribe): Promise<TReplayAnswer>;
  leave(room: string): void;
  /**
   * Each `observation:recorded`, its readings unpacked; `observations` is null when the message could not be read
   * (the sync then replays from the database).
   */
  onRecorded(listener: (payload: { unitId: string; observations: unknown }) => void): () => void;
  onConnect(listener: () => void): () => void;
  onDisconnect(listener: () => void): () => void;
  /** Each heartbeat's last reading seq told per unit (lib/realtime/events.ts THeartbeat.units). */
  onHeartbeat(listener: (units: Readonly<Record<string, number>>) => void): () => void;
}

type TAck = (error: Error | null, answer: TReplayAnswer) => void;

/**
 * The socket as a room transport. `emitSubscribe` sends the room's own subscribe command (unit or bed) with the
 * timeout already applied, so the typed contract of lib/realtime/events.ts checks its payload.
 */
export function socketTransport<TSubscribe>(
  socket: TStationSocket,
  emitSubscribe: (payload: TSubscribe, ack: TAck) => void,
): TRoomTransport<TSubscribe> {
  return {
    isConnected: () => socket.connected,
    subscribe: (payload) =>
      new Promise((resolve, reject) =>
        emitSubscribe(payload, (error, answer) => (error ? reject(error) : resolve(answer))),
      ),
    leave: (room) => void socket.emit("room:leave", { room }),
    onRecorded: (listener) => {
      const handler = ({ unitId, readings }: TObservationsRecorded) => {
        const unpacked = unpackObservations(readings);
        listener({ unitId, observations: unpacked.ok ? unpacked.observations : null });
      };
      socket.on("observation:recorded", handler);
      return () => void socket.off("observation:recorded", handler);
    },
    onConnect: (listener) => {
      const handler = () => listener();
      socket.on("connect", handler);
      return () => void socket.off("connect", handler);
    },
    onDisconnect: (listener) => {
      const handler = () => listener();
      socket.on("disconnect", handler);
      return () => void socket.off("disconnect", handler);
    },
    onHeartbeat: (listener) => {
      const handler = ({ units }: { units?: Record<string, number> }) => listener(units ?? {});
      socket.on("server:heartbeat", handler);
      return () => void socket.off("server:heartbeat", handler);
    },
  };
}

/** Following a unit's room (the central station). */
export const unitTransport = (socket: TStationSocket): TRoomTransport<TUnitSubscribe> =>
  socketTransport<TUnitSubscribe>(socket, (payload, ack) =>
    socket.timeout(REPLAY_TIMEOUT_MS).emit("unit:subscribe", payload, ack),
  );

/** Following a bed's room (the bed view). */
export const bedTransport = (socket: TStationSocket): TRoomTransport<TBedSubscribe> =>
  socketTransport<TBedSubscribe>(socket, (payload, ack) =>
    socket.timeout(REPLAY_TIMEOUT_MS).emit("bed:subscribe", payload, ack),
  );
