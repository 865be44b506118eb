import { MAX_TREND_EVENTS, type TBedTrendEvents, type TBedTrendEventsQuery } from "@/lib/bed/bed-trend-events";
import { ALARM_DTO_SELECT, acknowledgerNames, toAlarmDto } from "../alarms/to-alarm-dto";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { findBedEpisode } from "./find-bed-episode";
import { findBedStay } from "./find-bed-stay";

/**
 * The alarms raised and the rounds signed on a bed's active episode within a window (clamped to the episode, as the
 * series are: never another patient's events), for the markers on its trends. With no support running, the bed's open
 * stay's from its admission (bed-scope.ts): an alarm raised before cannulation or after the balloon's removal, and the
 * rounds of the stay's earlier supports. The newest are kept when a window
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
  const stay = episode ? null : await findBedStay({ db, bedId });
  if (!episode && !stay)
    throw new AppError(
      "NOT_FOUND",
      `Bed "${bedId}" has no patient admitted: there is no trend to mark.`,
      undefined,
      refusal("bedEmpty"),
    );
  const since = episode ? episode.startedAt : (stay?.admittedAt ?? now);
  const from = new Date(Math.max(since.getTime(), query.from ?? 0));
  const to = new Date(query.to ?? now.getTime());
  const owner = episode ? { episodeId: episode.id } : { stayId: stay?.id ?? "" };
  const alarmRows = await db.alarm.findMany({
    where: { ...owner, raisedAt: { gte: from, lte: to } },
    orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
    take: MAX_TREND_EVENTS + 1,
    select: ALARM_DTO_SELECT,
  });
  const roundRows = await db.round.findMany({
    where: {
      ...(episode ? { episodeId: episode.id } : { episode: { stayId: stay?.id ?? "" } }),
      signedAt: { gte: from, lte: to },
    },
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
