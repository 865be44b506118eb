import { HEARTBEAT_INTERVAL_MS } from "@/lib/realtime/events";
import type { StationIo } from "./attach-realtime";

/**
 * Every screen hears the server's clock and the last reading the feed has told, every HEARTBEAT_INTERVAL_MS: a
 * screen that hears nothing for HEARTBEAT_TIMEOUT_MS says it is not live. Answers a function that stops it.
 */
export function startHeartbeat({ io, lastSeq }: { io: StationIo; lastSeq: () => number }): () => void {
  const heartbeat = setInterval(() => {
    io.emit("server:heartbeat", { at: Date.now(), lastSeq: lastSeq() });
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}
