import { MAX_TREND_EVENTS, type TBedTrendEvents, type TBedTrendEventsQuery } from "@/lib/bed/bed-trend-events";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "../alarms/to-alarm-dto";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { findBedEpisode } from "./find-bed-episode";

/**
 * The alarms raised and the rounds signed on a bed's active episode within a window (clamped to the episode, as the
 * series are: never another patient's events), for the markers on its trends. The newest are kept when a window
 * holds more than MAX_TREND_EVENTS of either, since the live edge is what the team looks at first.
 */
export async function listBedTrendEvents({
  db,
  bedId,
  query,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  query: TBedTrendEventsQuery;
  now?: Date;
}): Promise<TBedTrendEvents> {
  const { episode } = await findBedEpisode({ db, bedId });
  if (!episode)
    throw new AppError(
      "NOT_FOUND",
      `Bed "${bedId}" has no patient on support: there is no trend to mark.`,
      undefined,
      refusal("bedNoSupport"),
    );
  const from = new Date(Math.max(episode.startedAt.getTime(), query.from ?? 0));
  const to = new Date(query.to ?? now.getTime());
  const alarmRows = await db.alarm.findMany({
    where: { episodeId: episode.id, raisedAt: { gte: from, lte: to } },
    orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
    take: MAX_TREND_EVENTS + 1,
    select: ALARM_DTO_SELECT,
  });
  const roundRows = await db.round.findMany({
    where: { episodeId: episode.id, signedAt: { gte: from, lte: to } },
    orderBy: [{ signedAt: "desc" }, { id: "asc" }],
    take: MAX_TREND_EVENTS + 1,
    select: { id: true, signedAt: true, abnormalCount: true, signedBy: { select: { displayName: true } } },
  });
  const alarms = alarmRows.slice(0, MAX_TREND_EVENTS).reverse();
  const names = await acknowledgerNames(db, alarms);
  return {
    alarms: alarms.map((row) => toAlarmDto(row, names)),
    rounds: roundRows
      .slice(0, MAX_TREND_EVENTS)
      .reverse()
      .map((r) => ({
        id: r.id,
        signedAt: r.signedAt.getTime(),
        signedBy: r.signedBy.displayName,
        abnormalCount: r.abnormalCount,
      })),
    from: from.getTime(),
    to: to.getTime(),
    truncated: alarmRows.length > MAX_TREND_EVENTS || roundRows.length > MAX_TREND_EVENTS,
  };
}
