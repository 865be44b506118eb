import { HEARTBEAT_INTERVAL_MS } from "@/lib/realtime/events";
import type { StationIo } from "./attach-realtime";

/**
 * Every screen of this node hears the server's clock, the last reading the feed has told, and per unit the last
 * reading told to the unit's room, every HEARTBEAT_INTERVAL_MS: a screen that hears nothing for HEARTBEAT_TIMEOUT_MS
 * says it is not live, and one whose unit is behind the heartbeat's seq replays. Sent after the readings on the same
 * connection, so a screen that applied everything sent is never behind it. Answers a function that stops it.
 */
export function startHeartbeat({
  io,
  lastSeq,
  told,
}: {
  io: StationIo;
  lastSeq: () => number;
  told: ReadonlyMap<string, number>;
}): () => void {
  const heartbeat = setInterval(() => {
    io.local.emit("server:heartbeat", { at: Date.now(), lastSeq: lastSeq(), units: Object.fromEntries(told) });
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}
