"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { createConnectionMonitor, type TConnectionMonitor } from "./connection-monitor";
import { evaluateConnection, type TConnectionState, type TConnectionStatus } from "./connection-state";
import { getSocket } from "./socket";

/** How often the screen re-judges its connection; with the heartbeat timeout this says "not live" within 5 s. */
export const CONNECTION_CHECK_MS = 500;

let monitor: TConnectionMonitor | null = null;

function getMonitor(): TConnectionMonitor {
  monitor ??= createConnectionMonitor(getSocket());
  return monitor;
}

/** The server's clock as this screen best knows it, epoch ms. Ages and staleness are judged on it. */
export function serverNow(): number {
  return Date.now() + (monitor?.offsetMs ?? 0);
}

function evaluate(current: TConnectionMonitor): TConnectionStatus {
  return evaluateConnection({
    connected: getSocket().connected,
    lastHeartbeat: current.lastHeartbeat,
    startedAt: current.startedAt,
    startedServerAt: current.startedAt + current.offsetMs,
    now: Date.now(),
    refused: current.refused !== null,
  });
}

/** A person's choice after the server refused this screen: connect again (the refusal clears on connect). */
function reconnect(): void {
  getSocket().connect();
}

export interface TConnection {
  readonly state: TConnectionState;
  /** Server time since which the screen is not live; null while live or still connecting. */
  readonly notLiveSince: number | null;
  /** The server closed the connection because this screen flooded it; `reconnect` tries again. */
  readonly refused: boolean;
  readonly reconnect: () => void;
  readonly serverNow: () => number;
}

const CONNECTING: TConnectionStatus = { state: "connecting", notLiveSince: null, refused: false };

export function useConnection(): TConnection {
  const [status, setStatus] = useState<TConnectionStatus>(CONNECTING);

  useEffect(() => {
    const current = getMonitor();
    const check = () =>
      setStatus((previous) => {
        const next = evaluate(current);
        // Same state, same moment: keep the object so that nothing re-renders twice a second for nothing.
        const same =
          next.state === previous.state &&
          next.notLiveSince === previous.notLiveSince &&
          next.refused === previous.refused;
        return same ? previous : next;
      });
    const socket = getSocket();
    socket.on("connect", check);
    socket.on("disconnect", check);
    const timer = window.setInterval(check, CONNECTION_CHECK_MS);
    return () => {
      window.clearInterval(timer);
      socket.off("connect", check);
      socket.off("disconnect", check);
    };
  }, []);

  return { ...status, reconnect, serverNow };
}

/** Sub-second polling so that the displayed second changes on the second, not up to a second late. */
const TICK_POLL_MS = 250;
let second: number | null = null;
const tickListeners = new Set<() => void>();
let tickTimer: number | null = null;

function subscribeTick(listener: () => void): () => void {
  tickListeners.add(listener);
  if (tickTimer === null) {
    second = Math.floor(serverNow() / 1000);
    tickTimer = window.setInterval(() => {
      const next = Math.floor(serverNow() / 1000);
      if (next === second) return;
      second = next;
      for (const notify of tickListeners) notify();
    }, TICK_POLL_MS);
  }
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && tickTimer !== null) {
      window.clearInterval(tickTimer);
      tickTimer = null;
    }
  };
}

function readTick(): number | null {
  return second === null ? null : second * 1000;
}

/**
 * The server time to the whole second, shared by every reader and changing once a second: drives the clock and the
 * ages on the screen. Null during server rendering and hydration, where no clock can agree with the browser's.
 */
export function useServerNow(): number | null {
  return useSyncExternalStore(subscribeTick, readTick, () => null);
}
