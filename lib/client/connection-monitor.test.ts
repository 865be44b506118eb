import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createConnectionMonitor } from "./connection-monitor";
import { evaluateConnection } from "./connection-state";
import type { TStationSocket } from "./socket";

function fakeSocket() {
  const emitter = new EventEmitter();
  const socket = { on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener) };
  return { socket: socket as unknown as Pick<TStationSocket, "on">, emitter };
}

describe("createConnectionMonitor", () => {
  it("keeps the newest heartbeat and the least delayed clock offset", () => {
    let now = 1_000;
    const { socket, emitter } = fakeSocket();
    const monitor = createConnectionMonitor(socket, () => now);
    now = 2_000;
    emitter.emit("server:heartbeat", { at: 2_300 });
    now = 3_000;
    emitter.emit("server:heartbeat", { at: 3_100 });
    expect(monitor.lastHeartbeat).toEqual({ at: 3_100, receivedAt: 3_000 });
    expect(monitor.offsetMs).toBe(300);
  });

  it("remembers the server's refusal until the screen connects again", () => {
    const now = 5_000;
    const { socket, emitter } = fakeSocket();
    const monitor = createConnectionMonitor(socket, () => now);
    emitter.emit("server:heartbeat", { at: 4_900 });
    emitter.emit("connection:refused", { reason: "too-many-requests" });
    expect(monitor.refused).toEqual({ reason: "too-many-requests" });
    const facts = {
      connected: false,
      lastHeartbeat: monitor.lastHeartbeat,
      startedAt: monitor.startedAt,
      startedServerAt: monitor.startedAt,
      now: now + 100,
    };
    // Refused and disconnected: not live, and the screen says why rather than the bare NOT LIVE.
    expect(evaluateConnection({ ...facts, refused: monitor.refused !== null })).toEqual({
      state: "lost",
      notLiveSince: 4_900,
      refused: true,
    });
    emitter.emit("connect");
    expect(monitor.refused).toBeNull();
    expect(evaluateConnection({ ...facts, refused: monitor.refused !== null }).refused).toBe(false);
  });
});
