import type { TConnectionRefused } from "@/lib/realtime/events";
import { OFFSET_WINDOW, estimateOffset } from "./connection-state";
import type { TStationSocket } from "./socket";

/**
 * Transport facts, not clinical data: they live beside the socket rather than in the query cache, where they would
 * re-render every reader once a second. One per tab, like the socket.
 */
export interface TConnectionMonitor {
  readonly startedAt: number;
  lastHeartbeat: { at: number; receivedAt: number } | null;
  offsetSamples: number[];
  offsetMs: number;
  /**
   * Why the server closed this screen's connection, when it did (server/realtime/socket-guard.ts disconnects a socket
   * that floods it). socket.io does not reconnect after a server's disconnect, so the screen would otherwise sit NOT
   * LIVE with no reason given: it says why and waits for a person to reconnect, rather than loop back into the limit.
   */
  refused: TConnectionRefused | null;
}

/** What the monitor listens to on the socket; narrow, so that a test drives it without a server. */
type TMonitorSocket = Pick<TStationSocket, "on">;

export function createConnectionMonitor(socket: TMonitorSocket, clock: () => number = Date.now): TConnectionMonitor {
  const monitor: TConnectionMonitor = {
    startedAt: clock(),
    lastHeartbeat: null,
    offsetSamples: [],
    offsetMs: 0,
    refused: null,
  };
  socket.on("server:heartbeat", ({ at }) => {
    const receivedAt = clock();
    monitor.lastHeartbeat = { at, receivedAt };
    monitor.offsetSamples = [...monitor.offsetSamples, at - receivedAt].slice(-OFFSET_WINDOW);
    monitor.offsetMs = estimateOffset(monitor.offsetSamples);
  });
  socket.on("connection:refused", (payload) => {
    monitor.refused = payload;
  });
  // Connected again (a person pressed Reconnect): the refusal is over.
  socket.on("connect", () => {
    monitor.refused = null;
  });
  return monitor;
}
