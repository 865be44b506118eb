import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type TStationSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TStationSocket | null = null;

/**
 * The one socket of this browser tab, created on first use. Every hook shares it, so a screen holds a single
 * connection to the server however many components listen. Same origin: the custom server serves the pages and
 * socket.io on one port. WebSocket first; long-polling only where a proxy refuses the upgrade.
 */
export function getSocket(): TStationSocket {
  if (typeof window === "undefined") throw new Error("getSocket() is for the browser; the server renders no live data");
  // tryAllTransports: without it a refused WebSocket would retry WebSocket for ever instead of falling back.
  socket ??= io({ transports: ["websocket", "polling"], tryAllTransports: true });
  return socket;
}
