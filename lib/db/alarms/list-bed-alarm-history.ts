import type { TBedAlarmHistory } from "@/lib/alarms/alarm-history";
import type { Db } from "../client";
import { findBedEpisode } from "../beds/find-bed-episode";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "./to-alarm-dto";

/** The alarms of a bed's current patient, newest first: raised, acknowledged by whom and why, how each ended. */
export async function listBedAlarmHistory({
  db,
  bedId,
  limit = 200,
}: {
  db: Db;
  bedId: string;
  limit?: number;
}): Promise<TBedAlarmHistory> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  if (!episode) return { bedId, label: bed.label, episodeId: null, alarms: [], truncated: false };
  const rows = await db.alarm.findMany({
    where: { episodeId: episode.id },
    orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: ALARM_DTO_SELECT,
  });
  const shown = rows.slice(0, limit);
  const names = await acknowledgerNames(db, shown);
  return {
    bedId,
    label: bed.label,
    episodeId: episode.id,
    alarms: shown.map((r) => toAlarmDto(r, names)),
    truncated: rows.length > limit,
  };
}
