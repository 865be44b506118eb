import type { TBedTrends, TTrendsQuery } from "@/lib/bed/series";
import { findBedEpisode } from "../beds/find-bed-episode";
import { findBedStay } from "../beds/find-bed-stay";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getLastSeq } from "../observations/get-last-seq";
import { readEpisodeSeries } from "./read-episode-series";

/**
 * The series of several parameters of a bed's active episode over one window, each exactly as getParameterSeries
 * would answer it, for one lookup of the episode and one lastSeq: the bed view's charts in one request. With no
 * support running, the open stay's series from its admission (issue 15): what was charted while an earlier support
 * ran included.
 */
export async function getBedTrends({
  db,
  bedId,
  query,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  query: TTrendsQuery;
  now?: Date;
}): Promise<TBedTrends> {
  const { episode: running } = await findBedEpisode({ db, bedId });
  const stay = running ? null : await findBedStay({ db, bedId });
  const episode = running ?? (stay && { id: null, stayId: stay.id, startedAt: stay.admittedAt, endedAt: null });
  if (!episode)
    throw new AppError(
      "NOT_FOUND",
      `Bed "${bedId}" has no patient: there is no trend to show.`,
      undefined,
      refusal("bedEmpty"),
    );
  const lastSeq = await getLastSeq({ db });
  const series = [];
  for (const parameter of query.parameters) {
    series.push(
      await readEpisodeSeries({
        db,
        bedId,
        episode,
        parameter,
        from: query.from,
        to: query.to,
        width: query.width,
        lastSeq,
        now,
      }),
    );
    // Each read holds the process (SQLite is synchronous): between two, the socket's heartbeats and the page's own
    // scripts and styles are served rather than queued behind a dozen of them.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { series };
}
