import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, THandshakeRefusal } from "@/lib/realtime/events";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io client as a signed-in screen opens it, from Node: over WebSocket only, because extraHeaders (the
 * session cookie, a forged Origin) reach the handshake only there, and with automatic reconnection left on.
 */
export function connectTestSocket(
  url: string,
  { cookie, origin, ...options }: { cookie?: string; origin?: string } & Partial<ManagerOptions & SocketOptions> = {},
): TestSocket {
  const extraHeaders: Record<string, string> = {};
  if (cookie) extraHeaders.cookie = cookie;
  if (origin) extraHeaders.origin = origin;
  return connect(url, { transports: ["websocket"], forceNew: true, extraHeaders, ...options });
}

export type THandshakeOutcome =
  { connected: true } | { connected: false; message: string; data: THandshakeRefusal | undefined };

/** Waits for the first handshake's outcome: connected, or refused with the server's reason (connect_error). */
export function handshake(socket: TestSocket): Promise<THandshakeOutcome> {
  return new Promise((resolve) => {
    if (socket.connected) return resolve({ connected: true });
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error: Error & { data?: THandshakeRefusal }) =>
      resolve({ connected: false, message: error.message, data: error.data }),
    );
  });
}
