import { z } from "zod";
import type { TCommittedObservation } from "@/lib/observations/observation";

/**
 * The one contract by which the station learns what was committed: the server's change feed
 * (server/changes/start-change-feed.ts) reads the database's append-only logs by their seq and hands each new row,
 * as one of these, to its subscribers (the socket broadcaster, the alarm engine), whoever wrote it: this process's
 * writer, a route handler, the import CLI in its own process. Each log numbers its rows itself:
 *   observation — a reading                                   Observation.seq
 *   alarm       — a change of an alarm, or a unit's AUDIO PAUSED  AlarmEvent.seq
 *   document    — a signed document changed                   DocumentChange.seq
 */
export type TChange =
  | { log: "observation"; seq: number; observation: TCommittedObservation }
  | { log: "alarm"; seq: number; event: TAlarmLogEntry }
  | { log: "document"; seq: number; change: TDocumentChange };

export type TChangeLog = TChange["log"];

/** How far the feed has read each log: the seq of the last row it handed over (0 for an empty log). */
export type TChangeCursor = Record<TChangeLog, number>;

/** Where a page of changes starts (the cursor before it) and ends (the cursor after it), in each log. */
export interface TChangeSpan {
  from: Readonly<TChangeCursor>;
  to: Readonly<TChangeCursor>;
}

/**
 * A page of the logs known whole without reading them: the rows one transaction committed, with where they sit in
 * the logs. Its writer learns `from` while it holds the log-order lock, when every smaller seq has committed or
 * rolled back for good (lib/db/changes/read-cursor-before.pg.ts), so a feed standing at `from` may take the page as
 * the read it saves (server/changes/start-change-feed.ts, offer).
 */
export interface TCommittedPage {
  changes: readonly TChange[];
  span: TChangeSpan;
}

const ZUnitBed = { unitId: z.string().min(1).max(64), bedId: z.string().min(1).max(64) };

/**
 * A change of a document that has no log of its own, written to DocumentChange in the transaction of the change
 * itself. `type` is the socket event the screens receive; the rest is its payload (lib/realtime/events.ts): which
 * round, which shift's sheet (null: the bed's action list, which belongs to no one shift), which protocol timer.
 */
export const ZDocumentChange = z.discriminatedUnion("type", [
  z.object({ type: z.literal("round:signed"), ...ZUnitBed, roundId: z.string().min(1).max(64) }),
  z.object({ type: z.literal("round:amended"), ...ZUnitBed, roundId: z.string().min(1).max(64) }),
  z.object({ type: z.literal("handover:changed"), ...ZUnitBed, shiftKey: z.string().min(1).max(64).nullable() }),
  z.object({ type: z.literal("protocol:changed"), ...ZUnitBed, timerId: z.string().min(1).max(64) }),
  // A bed's stay changed: admitted, moved in or out, discharged, support started, its settings changed, ended.
  z.object({ type: z.literal("stay:changed"), ...ZUnitBed, stayId: z.string().min(1).max(64) }),
]);
export type TDocumentChange = z.infer<typeof ZDocumentChange>;

/** An AlarmEvent row as the feed reads it. */
export interface TAlarmLogEntry {
  seq: number;
  /** Null for a unit-wide event (AUDIO PAUSED). */
  alarmId: string | null;
  unitId: string;
  type: string;
  /** Epoch ms. */
  at: number;
  /** The values of the change, parsed from the Json column (until, for audio-paused). */
  details: unknown;
  actorId: string | null;
  /** For the engine: which stay and rule an acknowledged alarm belongs to, and who raised it. */
  alarm: { stayId: string; ruleId: string; origin: string } | null;
}
