import type { TBedAlarmHistory } from "@/lib/alarms/alarm-history";
import { AppError } from "@/lib/errors/app-error";
import { refusal } from "@/lib/errors/refusal";
import type { Db } from "../client";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "./to-alarm-dto";

/**
 * The alarms of a bed's current patient, newest first: raised, acknowledged by whom and why, how each ended. The
 * patient's whole stay: the alarms raised with no support running (a lactate before cannulation) and those of each
 * support, through Alarm(stayId, …).
 */
export async function listBedAlarmHistory({
  db,
  bedId,
  limit = 200,
}: {
  db: Db;
  bedId: string;
  limit?: number;
}): Promise<TBedAlarmHistory> {
  const bed = await db.bed.findUnique({
    where: { id: bedId },
    select: { label: true, stays: { where: { openBedKey: bedId }, select: { id: true }, take: 1 } },
  });
  if (!bed)
    throw new AppError(
      "NOT_FOUND",
      `No bed "${bedId}". Check the address, or open the bed from its central station.`,
      undefined,
      refusal("bedNotFound"),
    );
  const stay = bed.stays[0];
  if (!stay) return { bedId, label: bed.label, stayId: null, alarms: [], truncated: false };
  const rows = await db.alarm.findMany({
    where: { stayId: stay.id },
    orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: ALARM_DTO_SELECT,
  });
  const shown = rows.slice(0, limit);
  const names = await acknowledgerNames(db, shown);
  return {
    bedId,
    label: bed.label,
    stayId: stay.id,
    alarms: shown.map((r) => toAlarmDto(r, names)),
    truncated: rows.length > limit,
  };
}
