import type { TAudioPause } from "@/lib/alarms/alarm-dto";
import { rooms, type TAlarmsChanged } from "@/lib/realtime/events";
import { findAlarmEventsSince, getLastAlarmSeq, type TAlarmEventRow } from "@/lib/db/alarms/find-alarm-events-since";
import { untilOf } from "@/lib/db/alarms/find-audio-pause";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "@/lib/db/alarms/to-alarm-dto";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import type { StationIo } from "../realtime/attach-realtime";

/** Changes written outside this process's engine (a Next route handler, a round) are found within this. */
export const ALARM_TAIL_MS = 250;
const PAGE = 1_000;

export interface AlarmTailerOptions {
  db: Db;
  io: StationIo;
  log: Logger;
  /** Every event, after it was broadcast: the engine learns of acknowledgements made on any screen. */
  onEvents?: (events: readonly TAlarmEventRow[]) => void;
  intervalMs?: number;
}

export interface AlarmTailer {
  /** Reads the log now (after the poll under way): the engine calls it after each commit. */
  kick(): void;
  /** The highest seq broadcast. */
  readonly lastSeq: number;
  stop(): Promise<void>;
}

/**
 * Follows the AlarmEvent log and broadcasts each change to its unit's room, after commit, whoever wrote it: the
 * database is the truth, the socket a notification. One poll at a time, in seq order, so that screens see changes
 * in the order they were made; a screen that missed some replays them by seq (alarm:subscribe).
 */
export async function startAlarmTailer(options: AlarmTailerOptions): Promise<AlarmTailer> {
  const { db, io, log } = options;
  let lastSeq = await getLastAlarmSeq({ db });
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const poll = async (): Promise<void> => {
    for (;;) {
      const events = await findAlarmEventsSince({ db, sinceSeq: lastSeq, limit: PAGE });
      if (events.length === 0) return;
      await broadcast(events);
      lastSeq = events[events.length - 1]?.seq ?? lastSeq;
      options.onEvents?.(events);
      if (events.length < PAGE) return;
    }
  };

  const broadcast = async (events: readonly TAlarmEventRow[]): Promise<void> => {
    const alarmIds = [...new Set(events.map((e) => e.alarmId).filter((id): id is string => id !== null))];
    const rows = alarmIds.length === 0 ? [] : await db.alarm.findMany({ where: { id: { in: alarmIds } }, select: ALARM_DTO_SELECT });
    const names = await acknowledgerNames(db, rows);
    const byUnit = new Map<string, TAlarmsChanged>();
    const entry = (unitId: string, seq: number) => {
      const found = byUnit.get(unitId) ?? { unitId, alarms: [], lastSeq: seq };
      found.lastSeq = Math.max(found.lastSeq, seq);
      byUnit.set(unitId, found);
      return found;
    };
    for (const row of rows) entry(row.unitId, 0).alarms.push(toAlarmDto(row, names));
    for (const event of events) {
      const changed = entry(event.unitId, event.seq);
      if (event.type === "audio-paused") changed.audioPause = await audioPauseOf(event);
    }
    for (const payload of byUnit.values()) {
      // The bed views of the beds concerned follow their bed's room (trend markers), not the unit's; socket.io sends
      // once to a socket in both. A bed's room was joined with bed.view on its unit: the unit's payload is its to see.
      const bedRooms = [...new Set(payload.alarms.map((a) => rooms.bed(a.bedId)))];
      io.to([rooms.unit(payload.unitId), ...bedRooms]).emit("alarm:changed", payload);
    }
  };

  const audioPauseOf = async (event: TAlarmEventRow): Promise<TAudioPause> => {
    const until = untilOf(event.details);
    if (until === null) return null;
    const user = event.actorId ? await db.user.findUnique({ where: { id: event.actorId }, select: { displayName: true } }) : null;
    return { until, by: user?.displayName ?? null };
  };

  const kick = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = poll()
      .catch((error: unknown) => log.error("alarm tailer: broadcast failed", error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  const timer = setInterval(kick, options.intervalMs ?? ALARM_TAIL_MS);
  timer.unref();

  return {
    kick,
    get lastSeq() {
      return lastSeq;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
