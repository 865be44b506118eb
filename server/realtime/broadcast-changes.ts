import type { TAudioPause } from "@/lib/alarms/alarm-dto";
import { kioskAlarm, kioskAudioPause } from "@/lib/alarms/kiosk-alarm";
import type { TAlarmLogEntry, TDocumentChange } from "@/lib/changes/change";
import { toWire, type TCommittedObservation } from "@/lib/observations/observation";
import { packObservations } from "@/lib/observations/packed-observations";
import { rooms, type TAlarmsChanged } from "@/lib/realtime/events";
import { untilOf } from "@/lib/db/alarms/find-audio-pause";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "@/lib/db/alarms/to-alarm-dto";
import type { Db } from "@/lib/db/client";
import type { TChangeSubscriber } from "../changes/start-change-feed";
import type { StationIo } from "./attach-realtime";

/**
 * The change feed's subscriber that tells the screens, each change to the rooms that show it, with the events and
 * payloads of the socket contract (lib/realtime/events.ts). A page's readings go first, then its alarms, then its
 * documents: a screen that reads a round again on `round:signed` already holds the numbers and the finding it brought.
 * The socket only notifies; a screen that missed something replays it by seq (unit:subscribe, alarm:subscribe) or
 * reads the document again over HTTP.
 *
 * To this node's sockets only (`io.local`): on several nodes each node follows the logs itself and tells its own
 * screens (docs/deployment.md), so a change passes through Redis never, and is told once per screen. `told` keeps,
 * per unit, the last reading seq sent to its room: the heartbeat carries it, and a screen behind it replays.
 */
export function broadcastChanges({
  io,
  db,
  told,
}: {
  io: StationIo;
  db: Db;
  told: Map<string, number>;
}): TChangeSubscriber {
  return async (changes) => {
    const readings: TCommittedObservation[] = [];
    const events: TAlarmLogEntry[] = [];
    const documents: TDocumentChange[] = [];
    for (const c of changes) {
      if (c.log === "observation") readings.push(c.observation);
      else if (c.log === "alarm") events.push(c.event);
      else documents.push(c.change);
    }
    if (readings.length > 0) emitReadings(io, readings, told);
    if (events.length > 0) await emitAlarmChanges(io, db, events);
    for (const change of documents) emitDocumentChange(io, change);
  };
}

/** To the unit's room, and to the rooms of the beds (the bed views) except for sockets already in the unit's. */
function emitReadings(io: StationIo, observations: readonly TCommittedObservation[], told: Map<string, number>): void {
  for (const [unitId, list] of groupBy(observations, (o) => o.unitId)) {
    io.local
      .to(rooms.unit(unitId))
      .emit("observation:recorded", { unitId, readings: packObservations(list.map(toWire)) });
    told.set(unitId, Math.max(told.get(unitId) ?? 0, ...list.map((o) => o.seq)));
  }
  for (const [bedId, list] of groupBy(observations, (o) => o.bedId)) {
    const unitId = list[0]?.unitId ?? "";
    io.local
      .to(rooms.bed(bedId))
      .except(rooms.unit(unitId))
      .emit("observation:recorded", { unitId, readings: packObservations(list.map(toWire)) });
  }
}

/** The alarms these events touched, as they are now, one message per unit (with its AUDIO PAUSED when it changed). */
async function emitAlarmChanges(io: StationIo, db: Db, events: readonly TAlarmLogEntry[]): Promise<void> {
  const alarmIds = [...new Set(events.map((e) => e.alarmId).filter((id): id is string => id !== null))];
  const rows =
    alarmIds.length === 0 ? [] : await db.alarm.findMany({ where: { id: { in: alarmIds } }, select: ALARM_DTO_SELECT });
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
    if (event.type === "audio-paused") changed.audioPause = await audioPauseOf(db, event);
  }
  for (const payload of byUnit.values()) {
    // The bed views of the beds concerned follow their bed's room (trend markers), not the unit's; socket.io sends
    // once to a socket in both. A bed's room was joined with bed.view on its unit: the unit's payload is its to see.
    const bedRooms = [...new Set(payload.alarms.map((a) => rooms.bed(a.bedId)))];
    io.local
      .to([rooms.unit(payload.unitId), ...bedRooms])
      .except(rooms.kiosks)
      .emit("alarm:changed", payload);
    // Wall displays get their copy without staff names or free text (they hold no bed room: no bed.view).
    io.local.to(rooms.kioskUnit(payload.unitId)).emit("alarm:changed", {
      ...payload,
      alarms: payload.alarms.map(kioskAlarm),
      ...(payload.audioPause === undefined ? {} : { audioPause: kioskAudioPause(payload.audioPause) }),
    });
  }
}

async function audioPauseOf(db: Db, event: TAlarmLogEntry): Promise<TAudioPause> {
  const until = untilOf(event.details);
  if (until === null) return null;
  const user = event.actorId
    ? await db.user.findUnique({ where: { id: event.actorId }, select: { displayName: true } })
    : null;
  return { until, by: user?.displayName ?? null };
}

function emitDocumentChange(io: StationIo, change: TDocumentChange): void {
  switch (change.type) {
    case "round:signed":
    case "round:amended": {
      const { type, ...payload } = change;
      // The bed's own room too: its bed view marks the round on the trends.
      io.local.to([rooms.unit(payload.unitId), rooms.bed(payload.bedId)]).emit(type, payload);
      return;
    }
    case "protocol:changed": {
      const { type, ...payload } = change;
      // The station (unit's room) shows the next step on the tile, the bed view (bed's room) the panel, the handover
      // (its room) the open steps among its pending tasks. The payload names a timer, no patient data.
      io.local
        .to([rooms.unit(payload.unitId), rooms.bed(payload.bedId), rooms.handover(payload.unitId)])
        .emit(type, payload);
      return;
    }
    case "handover:changed": {
      const { type, ...payload } = change;
      // The room carries no readings and no patient data: which bed's sheet (or action list) changed.
      io.local.to(rooms.handover(payload.unitId)).emit(type, payload);
      return;
    }
    case "stay:changed": {
      const { type, ...payload } = change;
      // The station (the bed empty, a patient admitted, support started) and the bed's own page read it again.
      io.local.to([rooms.unit(payload.unitId), rooms.bed(payload.bedId)]).emit(type, payload);
      return;
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
