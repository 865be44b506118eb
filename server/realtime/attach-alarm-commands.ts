import {
  ZPauseAudio,
  ZUnitSubscribe,
  ALARM_REPLAY_PAGE_SIZE,
  rooms,
  type TAlarmCommandError,
  INTERNAL_COMMAND_ERROR,
} from "@/lib/realtime/events";
import type { TAuthConfig } from "@/lib/db/auth/auth-config";
import { kioskAlarm, kioskAudioPause } from "@/lib/alarms/kiosk-alarm";
import { isKioskRole } from "@/lib/auth/permissions";
import { acknowledgeAlarm } from "@/lib/db/alarms/acknowledge-alarm";
import { findAlarmsChangedSince } from "@/lib/db/alarms/find-alarms-changed-since";
import { findAudioPause } from "@/lib/db/alarms/find-audio-pause";
import { getLastAlarmSeq } from "@/lib/db/alarms/get-last-alarm-seq";
import { pauseAlarmAudio } from "@/lib/db/alarms/pause-alarm-audio";
import { assertUnitAccess } from "@/lib/db/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "../auth/client-address";
import type { Logger } from "@/lib/log/logger";
import type { StationIo } from "./attach-realtime";
import type { SocketGuard } from "./socket-guard";

export interface AlarmCommandsOptions {
  io: StationIo;
  db: Db;
  auth: TAuthConfig;
  log: Logger;
  guard: SocketGuard;
  now?: () => Date;
}

/**
 * The alarm commands of the socket contract: replay by seq, ACKNOWLEDGED with a reason, AUDIO PAUSED. Each payload
 * is parsed, each action checked against the role × action table and the unit (refusals audited), and each answer
 * comes through the command's acknowledgement; the change itself reaches every screen from the change feed, which
 * reads it in the AlarmEvent log.
 */
export function attachAlarmCommands({ io, db, auth, log, guard, now = () => new Date() }: AlarmCommandsOptions): void {
  io.on("connection", (socket) => {
    const principal = socket.data.principal;
    const kiosk = isKioskRole(principal.role);
    const context = {
      ipAddress: clientAddress(socket.request, auth.trustProxy),
      userAgent: socket.request.headers["user-agent"] ?? null,
    };

    socket.on("alarm:subscribe", (payload, ack) => {
      answer(ack, log, async () => {
        const parsed = ZUnitSubscribe.safeParse(payload);
        if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
        const { unitId, sinceSeq } = parsed.data;
        await assertUnitAccess({
          db,
          principal,
          action: "station.view",
          unitId,
          context,
          target: { type: "unit", id: unitId },
          via: "socket alarm:subscribe",
        });
        // The alarm replay has a room of its own in the guard's books (a unit's readings and alarms replay together).
        return guard.replay(socket, "alarm:subscribe", `alarms:${unitId}`, async () => {
          // Join, then read: a change committed after the join is broadcast to us, one before is in the answer.
          // A wall display also joins its unit's kiosk room, where alarm changes come without names or free text.
          await socket.join(kiosk ? [rooms.unit(unitId), rooms.kioskUnit(unitId)] : rooms.unit(unitId));
          const lastSeq = await getLastAlarmSeq({ db });
          const alarms = await findAlarmsChangedSince({ db, unitId, sinceSeq, limit: ALARM_REPLAY_PAGE_SIZE });
          const more = alarms.length === ALARM_REPLAY_PAGE_SIZE;
          const covered = more ? alarms.reduce((m, a) => Math.max(m, a.lastEventSeq), sinceSeq) : lastSeq;
          const audioPause = await findAudioPause({ db, unitId, now: now() });
          return {
            ok: true as const,
            alarms: kiosk ? alarms.map(kioskAlarm) : alarms,
            audioPause: kiosk ? kioskAudioPause(audioPause) : audioPause,
            lastSeq: covered,
            more,
          };
        });
      });
    });

    socket.on("alarm:acknowledge", (payload, ack) => {
      answer(ack, log, async () => {
        const alarm = await acknowledgeAlarm({
          db,
          principal,
          input: payload,
          context,
          via: "socket alarm:acknowledge",
          now: now(),
        });
        return { ok: true as const, alarm };
      });
    });

    socket.on("alarm:pause-audio", (payload, ack) => {
      answer(ack, log, async () => {
        const parsed = ZPauseAudio.safeParse(payload);
        if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
        const audioPause = await pauseAlarmAudio({
          db,
          principal,
          unitId: parsed.data.unitId,
          context,
          via: "socket alarm:pause-audio",
          now: now(),
        });
        return { ok: true as const, audioPause };
      });
    });
  });
}

function invalid(message: string | undefined): TAlarmCommandError {
  return { ok: false, error: { code: "INVALID_PAYLOAD", message: message ?? "invalid payload" } };
}

/**
 * Runs a command and answers through its acknowledgement: an AppError becomes its code, message and reason (the
 * person can act on it), anything else a generic failure, logged. A forged event without a callback is ignored.
 */
function answer<T>(ack: unknown, log: Logger, run: () => Promise<T | TAlarmCommandError>): void {
  if (typeof ack !== "function") return;
  const reply = ack as (answer: T | TAlarmCommandError) => void;
  run().then(reply, (error: unknown) => {
    if (error instanceof AppError) {
      const code =
        error.code === "INVALID_INPUT"
          ? "INVALID_PAYLOAD"
          : error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "CONFLICT"
            ? error.code
            : "INTERNAL";
      reply({ ok: false, error: { code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) } });
      return;
    }
    log.error("socket alarm command failed", error);
    reply(INTERNAL_COMMAND_ERROR);
  });
}
