import { OPEN_ALARM_STATUSES, type TUnitAlarms } from "@/lib/alarms/alarm-dto";
import type { Db } from "../client";
import { findAudioPause } from "./find-audio-pause";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "./to-alarm-dto";
import { toSeq } from "../seq";

/**
 * What a unit's screen starts from: its open alarms and its AUDIO PAUSED, with the last alarm seq they cover (read
 * first: a change committed meanwhile is also replayed, and merging keeps the newer copy).
 */
export async function getUnitAlarms({
  db,
  unitId,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  now?: Date;
}): Promise<TUnitAlarms> {
  const last = await db.alarmEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const rows = await db.alarm.findMany({
    where: { unitId, status: { in: [...OPEN_ALARM_STATUSES] } },
    select: ALARM_DTO_SELECT,
  });
  const names = await acknowledgerNames(db, rows);
  return {
    unitId,
    alarms: rows.map((r) => toAlarmDto(r, names)),
    audioPause: await findAudioPause({ db, unitId, now }),
    lastSeq: toSeq(last?.seq ?? 0),
    serverTime: now.getTime(),
  };
}
