import { describe, expect, it } from "vitest";
import { HEARTBEAT_TIMEOUT_MS } from "@/lib/realtime/events";
import { estimateOffset, evaluateConnection } from "./connection-state";

const START = 1_000_000;
const base = { connected: true, startedAt: START, startedServerAt: START + 50, refused: false };

describe("evaluateConnection", () => {
  it("is connecting until the first heartbeat, for one timeout at most", () => {
    expect(evaluateConnection({ ...base, lastHeartbeat: null, now: START + 1_000 })).toEqual({
      state: "connecting",
      notLiveSince: null,
      refused: false,
    });
    expect(evaluateConnection({ ...base, lastHeartbeat: null, now: START + HEARTBEAT_TIMEOUT_MS + 1 })).toEqual({
      state: "lost",
      notLiveSince: START + 50,
      refused: false,
    });
  });

  it("is live while heartbeats keep coming on a connected socket", () => {
    const lastHeartbeat = { at: START + 2_050, receivedAt: START + 2_000 };
    expect(evaluateConnection({ ...base, lastHeartbeat, now: START + 2_000 + HEARTBEAT_TIMEOUT_MS }).state).toBe(
      "live",
    );
  });

  it("is lost when heartbeats stop, since the last one, in server time", () => {
    const lastHeartbeat = { at: START + 2_050, receivedAt: START + 2_000 };
    expect(evaluateConnection({ ...base, lastHeartbeat, now: START + 2_001 + HEARTBEAT_TIMEOUT_MS })).toEqual({
      state: "lost",
      notLiveSince: START + 2_050,
      refused: false,
    });
  });

  it("is lost at once when the socket disconnects", () => {
    const lastHeartbeat = { at: START + 2_050, receivedAt: START + 2_000 };
    expect(evaluateConnection({ ...base, connected: false, lastHeartbeat, now: START + 2_100 }).state).toBe("lost");
  });

  it("is lost at once and refused when the server closed the connection for flooding, until it connects again", () => {
    const lastHeartbeat = { at: START + 2_050, receivedAt: START + 2_000 };
    expect(evaluateConnection({ ...base, connected: false, refused: true, lastHeartbeat, now: START + 2_010 })).toEqual(
      { state: "lost", notLiveSince: START + 2_050, refused: true },
    );
    expect(evaluateConnection({ ...base, refused: true, lastHeartbeat, now: START + 2_010 }).refused).toBe(false);
  });
});

describe("estimateOffset", () => {
  it("takes the least delayed sample", () => {
    expect(estimateOffset([120, 180, 150])).toBe(180);
    expect(estimateOffset([])).toBe(0);
  });
});
