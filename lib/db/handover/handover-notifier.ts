import type { THandoverChanged } from "@/lib/realtime/events";

type TNotify = (change: THandoverChanged) => void;

/*
 * The handover's routes are Next route handlers, which Next bundles apart from the custom server: they cannot import
 * the server's socket.io instance. The server leaves a function here on globalThis (one process serves both, as the
 * database connection is shared in lib/db/client.ts) and the routes call it after their commit. The database
 * stays the truth: the notification only tells screens to read again, and without a server (a route test, a CLI)
 * it is dropped.
 */
const KEY = Symbol.for("ecmo-station.handover-notifier");
const slot = globalThis as typeof globalThis & { [KEY]?: TNotify };

/** Set by the server once its socket.io instance exists; `undefined` when it closes. */
export function provideHandoverNotifier(notify: TNotify | undefined): void {
  slot[KEY] = notify;
}

/** After a committed change of a bed's handover: the screens of its unit's handover room read it again. */
export function notifyHandoverChanged(change: THandoverChanged): void {
  slot[KEY]?.(change);
}
