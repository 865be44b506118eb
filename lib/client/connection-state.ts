import { HEARTBEAT_TIMEOUT_MS } from "@/lib/realtime/events";

export type TConnectionState = "live" | "connecting" | "lost";

export interface TConnectionStatus {
  readonly state: TConnectionState;
  /** Server time of the last moment the screen was known live (its last heartbeat); null while still connecting. */
  readonly notLiveSince: number | null;
  /** The server closed the connection because this screen flooded it: the screen says so and does not reconnect. */
  readonly refused: boolean;
}

export interface TConnectionFacts {
  readonly connected: boolean;
  /** The last heartbeat: server time it carried and this screen's clock when it arrived. */
  readonly lastHeartbeat: { readonly at: number; readonly receivedAt: number } | null;
  /** This screen's clock when it started listening, and the server time it then estimated. */
  readonly startedAt: number;
  readonly startedServerAt: number;
  /** This screen's clock now. */
  readonly now: number;
  /** The server sent `connection:refused` and has not been reconnected to since. */
  readonly refused: boolean;
}

/**
 * Live only while the socket is connected and heartbeats keep coming: a connected socket to a server that has
 * stopped committing is not live either. Before the first heartbeat the screen is connecting, for one timeout at
 * most; after that, and after any heartbeat gap, it is lost (a technical alarm, IEC 60601-1-8). Refused by the
 * server, it is lost at once, and says so.
 */
export function evaluateConnection(facts: TConnectionFacts): TConnectionStatus {
  const { connected, lastHeartbeat, startedAt, startedServerAt, now } = facts;
  const refused = facts.refused && !connected;
  if (refused) return { state: "lost", notLiveSince: lastHeartbeat?.at ?? startedServerAt, refused };
  if (lastHeartbeat === null) {
    if (now - startedAt <= HEARTBEAT_TIMEOUT_MS) return { state: "connecting", notLiveSince: null, refused };
    return { state: "lost", notLiveSince: startedServerAt, refused };
  }
  if (connected && now - lastHeartbeat.receivedAt <= HEARTBEAT_TIMEOUT_MS)
    return { state: "live", notLiveSince: null, refused };
  return { state: "lost", notLiveSince: lastHeartbeat.at, refused };
}

/** How many recent heartbeats the clock offset is estimated from: enough to ride out one slow delivery. */
export const OFFSET_WINDOW = 30;

/**
 * Each heartbeat gives `at − receivedAt`, the true offset less that message's delay: the largest recent sample is
 * the one delayed least, so it is the best estimate; a sliding window follows a clock that drifts.
 */
export function estimateOffset(samples: readonly number[]): number {
  return samples.length === 0 ? 0 : Math.max(...samples);
}
