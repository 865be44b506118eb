import { z } from "zod";
import type { TCommittedPageWire } from "@/lib/changes/committed-page-wire";
import type { TPrincipal } from "@/lib/auth/principal";
import type { TObservationDto } from "@/lib/observations/observation";
import type { TPackedObservations } from "@/lib/observations/packed-observations";
import type { TAcknowledgeAlarm, TAlarmDto, TAudioPause } from "@/lib/alarms/alarm-dto";
import type { TRefusal } from "@/lib/errors/refusal";

/**
 * The one socket contract between the server and every screen. Names are `entity:verb`: past tense for facts the
 * server broadcasts, imperative for commands, which answer through a typed acknowledgement. The socket only
 * notifies: the database is the truth, and a screen that (re)connects replays from its last sequence number.
 */

export const HEARTBEAT_INTERVAL_MS = 1_000;
/** A screen that hears no heartbeat for this long says it is not live (the requirement is: within 5 s). */
export const HEARTBEAT_TIMEOUT_MS = 3_500;
/** At most this many readings in one replay answer; the client asks again from the last one it received. */
export const REPLAY_PAGE_SIZE = 5_000;

export const ZUnitSubscribe = z.object({
  unitId: z.string().min(1).max(64),
  /** The highest sequence number the client has applied; the server answers with every later reading. */
  sinceSeq: z.number().int().nonnegative(),
});
export type TUnitSubscribe = z.infer<typeof ZUnitSubscribe>;

export const ZBedSubscribe = z.object({
  bedId: z.string().min(1).max(64),
  sinceSeq: z.number().int().nonnegative(),
});
export type TBedSubscribe = z.infer<typeof ZBedSubscribe>;

export const ZRoomLeave = z.object({ room: z.string().min(1).max(80) });
export type TRoomLeave = z.infer<typeof ZRoomLeave>;

export type TCommandError = {
  ok: false;
  error: { code: "INVALID_PAYLOAD" | "NOT_FOUND" | "FORBIDDEN" | TGuardRefusalCode | "INTERNAL"; message: string };
};
/**
 * Refusals of the socket guard (server/realtime/socket-guard.ts), before a command runs: RATE_LIMITED (too many
 * events from this socket or user), BUSY (a replay of the same room is still running, or the server's replay queue
 * is full). Both mean "retry in a moment"; the replay follower does.
 */
export type TGuardRefusalCode = "RATE_LIMITED" | "BUSY";
export type TSocketRefusalReason = "rate-limited" | "busy" | "forbidden";

/**
 * What one socket may ask. A screen sends a handful of commands per (re)connection and a page of replay per 5,000
 * readings; a clinician acknowledges a few alarms a minute. Beyond these a socket is flooding.
 */
export const SOCKET_LIMITS = {
  windowSeconds: 10,
  /** Events per socket per window. */
  perSocketEvents: 60,
  /**
   * Events per user per window, all their sockets together: a shared account may hold many screens (a ward's walls
   * on one display account, 200 in the load bench), each subscribing to a few rooms on (re)connection.
   */
  perUserEvents: 1_000,
  /** Refusals per socket per audit window beyond which it is told why and disconnected. */
  abuseRefusals: 200,
  /** Replays (database pages) running at once in the process, and waiting (then BUSY): the replay memory budget. */
  replayConcurrency: 4,
  replayQueue: 400,
  /** How long a command refused FORBIDDEN/NOT_FOUND is refused again without running (and without a row each). */
  deniedMemoryMs: 60_000,
  /** Refusals are audited as one count per user, event and reason per this window. */
  auditWindowMs: 60_000,
} as const;

/** Why the server closed a socket that was not a session's end: it kept sending commands beyond its limits. */
export interface TConnectionRefused {
  reason: "too-many-requests";
}
/** A command's answer when the server failed in a way nobody planned for; the log holds the cause. */
export const INTERNAL_COMMAND_ERROR = {
  ok: false,
  error: { code: "INTERNAL", message: "the server could not answer; retry" },
} as const;

export type TReplayAnswer =
  | {
      ok: true;
      observations: TObservationDto[];
      /** True when more readings follow: ask again with sinceSeq set to the last one received. */
      more: boolean;
    }
  | TCommandError;

export interface TObservationsRecorded {
  unitId: string;
  /** In commit order (ascending seq), as columns (lib/observations/packed-observations.ts). */
  readings: TPackedObservations;
}

export interface THeartbeat {
  /** Server clock, epoch ms: screens measure their clock offset with it. */
  at: number;
  /** The last reading's sequence number the server has told (its change feed has read). */
  lastSeq: number;
  /**
   * Per unit id, the last reading seq this server sent to the unit's room. A screen following the unit whose
   * applied seq is lower missed a message (it is sent after the readings, on the same connection) and replays.
   */
  units: Record<string, number>;
}

/**
 * How far an import job has got: sent after each committed batch (at most a few a second) and once when it ends, to
 * every screen; the import page shows the job it started. Counts are those of the ImportJob row.
 */
export const ZImportProgress = z.object({
  jobId: z.string(),
  fileName: z.string(),
  status: z.enum(["running", "done", "failed"]),
  dryRun: z.boolean(),
  processed: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
});
export type TImportProgress = z.infer<typeof ZImportProgress>;

/**
 * Why the server closed a screen's socket: its session ended (idle timeout or maximum age), was signed out (here or
 * everywhere), or was revoked (a deactivated user, a revoked display, changed rights). The screen then goes to the
 * sign-in (or pairing) page and says why.
 */
export type TSessionEndReason = "expired" | "signed-out" | "revoked";
export interface TSessionEnded {
  reason: TSessionEndReason;
}

/** The handshake's refusal, in `connect_error`'s `data`: the screen tells "sign in again" from "network down". */
export interface THandshakeRefusal {
  code: "UNAUTHENTICATED" | "FORBIDDEN";
  reason?: "expired" | "none" | "origin";
}

/** How often the server re-checks the sessions behind open sockets (revocations made elsewhere reach them so). */
export const SESSION_SWEEP_MS = 5_000;

/**
 * A round was signed or amended on a bed (docs/rounds.md): screens showing its due time or flags read the unit's
 * rounds again over HTTP. Sent to the unit's room.
 */
export interface TRoundChanged {
  unitId: string;
  bedId: string;
  roundId: string;
}

/**
 * A bed's handover changed: a draft saved, signed out, received, amended, an action added or done (docs/handover.md).
 * Screens showing the unit's handover or the bed's sheet read it again over HTTP. `shiftKey` is null for the
 * action list, which belongs to the patient rather than to one shift. Sent to the unit's handover room.
 */
export interface THandoverChanged {
  unitId: string;
  bedId: string;
  shiftKey: string | null;
}

/**
 * A bed's stay changed (issue 15): a patient admitted, moved in or out, discharged, support started, changed or
 * ended. The station and the bed's page read their snapshot again over HTTP. Sent to the unit's and the bed's rooms.
 */
export interface TStayChanged {
  unitId: string;
  bedId: string;
  stayId: string;
}

/** Joins a unit's handover room (handover.view and membership of the unit). */
export const ZHandoverSubscribe = z.object({ unitId: z.string().min(1).max(64) });
export type THandoverSubscribe = z.infer<typeof ZHandoverSubscribe>;
export type THandoverSubscribeAnswer = { ok: true } | TCommandError;

/**
 * A protocol timer of a bed was started, had a step signed, completed or was cancelled (lib/protocols): screens
 * showing the unit's or the bed's timers read them again over HTTP. Sent to the unit's and the bed's rooms.
 */
export interface TProtocolChanged {
  unitId: string;
  bedId: string;
  timerId: string;
}

export interface ServerToClientEvents {
  "observation:recorded": (payload: TObservationsRecorded) => void;
  "server:heartbeat": (payload: THeartbeat) => void;
  /** Only to screens whose role may see imports (PERMISSIONS["import.view"]). */
  "import:progress": (payload: TImportProgress) => void;
  "session:ended": (payload: TSessionEnded) => void;
  /** Alarms of the unit that changed, as they are now (docs/alarms.md), after the log's commit. */
  "alarm:changed": (payload: TAlarmsChanged) => void;
  "round:signed": (payload: TRoundChanged) => void;
  "round:amended": (payload: TRoundChanged) => void;
  "handover:changed": (payload: THandoverChanged) => void;
  /** Sent just before the server disconnects a flooding socket. */
  "connection:refused": (payload: TConnectionRefused) => void;
  "protocol:changed": (payload: TProtocolChanged) => void;
  "stay:changed": (payload: TStayChanged) => void;
}

/**
 * Payload types here describe what a well-behaved client sends; the server parses every payload with the schemas
 * above before it trusts it.
 */
export interface ClientToServerEvents {
  "unit:subscribe": (payload: TUnitSubscribe, ack: (answer: TReplayAnswer) => void) => void;
  "bed:subscribe": (payload: TBedSubscribe, ack: (answer: TReplayAnswer) => void) => void;
  "room:leave": (payload: TRoomLeave) => void;
  /** Joins the unit's room for alarms and answers every alarm changed after `sinceSeq` (an AlarmEvent seq). */
  "alarm:subscribe": (payload: TUnitSubscribe, ack: (answer: TAlarmReplayAnswer) => void) => void;
  "alarm:acknowledge": (payload: TAcknowledgeAlarm, ack: (answer: TAlarmCommandAnswer) => void) => void;
  "alarm:pause-audio": (payload: TPauseAudio, ack: (answer: TPauseAudioAnswer) => void) => void;
  "handover:subscribe": (payload: THandoverSubscribe, ack: (answer: THandoverSubscribeAnswer) => void) => void;
}

/** Alarm changes broadcast to a unit's room: the alarms touched, and the unit's AUDIO PAUSED when it changed. */
export interface TAlarmsChanged {
  unitId: string;
  alarms: TAlarmDto[];
  /** Present when the audio pause changed; null when it ended. */
  audioPause?: TAudioPause;
  /** The highest AlarmEvent seq this message covers: the screen replays from it after a reconnect. */
  lastSeq: number;
}

export type TAlarmReplayAnswer =
  { ok: true; alarms: TAlarmDto[]; audioPause: TAudioPause; lastSeq: number; more: boolean } | TCommandError;
export type TAlarmCommandError = {
  ok: false;
  error: {
    code: "INVALID_PAYLOAD" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | TGuardRefusalCode | "INTERNAL";
    message: string;
    /** The refusal as a catalogue key and its values (lib/errors/refusal.ts), worded by the screen. */
    reason?: TRefusal;
  };
};
export type TAlarmCommandAnswer = { ok: true; alarm: TAlarmDto } | TAlarmCommandError;
export const ZPauseAudio = z.object({ unitId: z.string().min(1).max(64) });
export type TPauseAudio = z.infer<typeof ZPauseAudio>;
export type TPauseAudioAnswer = { ok: true; audioPause: TAudioPause } | TAlarmCommandError;
/** At most this many alarms in one replay answer. */
export const ALARM_REPLAY_PAGE_SIZE = 1_000;

/** Between the nodes, through Redis (docs/deployment.md). */
export interface InterServerEvents {
  /**
   * A node committed to a followed log: the others read their feeds now rather than at their next poll, or take the
   * page it carries (readings the writer knew whole, lib/changes/committed-page-wire.ts) when they stand where it
   * starts. Checked on receipt like any other edge; null when the commit travels without its page.
   */
  "changes:committed": (page: TCommittedPageWire | null) => void;
}

export interface SocketData {
  connectedAt: number;
  /** Set by the handshake: every socket belongs to a valid session. */
  principal: TPrincipal;
}

export const rooms = {
  unit: (unitId: string) => `unit:${unitId}`,
  bed: (bedId: string) => `bed:${bedId}`,
  /** Every socket of one session: how a sign-out closes them. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** Screens following a unit's handover (no readings: only which bed's sheet changed). */
  handover: (unitId: string) => `handover:${unitId}`,
  /** A unit's wall displays: alarm changes reach them without staff names or free text (lib/alarms/kiosk-alarm). */
  kioskUnit: (unitId: string) => `kiosk:${unitId}`,
  /** Every wall display's socket: the unit room's full alarm payload skips them. */
  kiosks: "kiosks",
  /** Screens allowed to follow imports. */
  imports: "imports",
} as const;
