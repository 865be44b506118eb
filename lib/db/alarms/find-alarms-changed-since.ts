import type { TAlarmDto } from "@/lib/alarms/alarm-dto";
import type { Db } from "../client";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "./to-alarm-dto";

/**
 * The alarms of a unit changed after `sinceSeq`, in their current state: what a reconnecting screen missed. Read
 * through the log's (unitId, seq) index; an alarm changed twice comes once, as it is now.
 */
export async function findAlarmsChangedSince({
  db,
  unitId,
  sinceSeq,
  limit,
}: {
  db: Db;
  unitId: string;
  sinceSeq: number;
  limit: number;
}): Promise<TAlarmDto[]> {
  const events = await db.alarmEvent.findMany({
    where: { unitId, seq: { gt: sinceSeq }, alarmId: { not: null } },
    orderBy: { seq: "asc" },
    distinct: ["alarmId"],
    take: limit,
    select: { alarmId: true },
  });
  const ids = events.map((e) => e.alarmId).filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const rows = await db.alarm.findMany({
    where: { id: { in: ids } },
    orderBy: { lastEventSeq: "asc" },
    select: ALARM_DTO_SELECT,
  });
  const names = await acknowledgerNames(db, rows);
  return rows.map((r) => toAlarmDto(r, names));
}
