import type { TParameterSeries, TSeriesQuery } from "@/lib/bed/series";
import { findBedEpisode } from "../beds/find-bed-episode";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getLastSeq } from "../observations/get-last-seq";
import { readEpisodeSeries } from "./read-episode-series";

/**
 * A trend of one parameter over the bed's active episode, downsampled in SQL to min and max per pixel column, with
 * gaps where readings stop for longer than the parameter allows (lib/charts/downsample-min-max.ts says how).
 */
export async function getParameterSeries({
  db,
  bedId,
  query,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  query: TSeriesQuery;
  now?: Date;
}): Promise<TParameterSeries> {
  const { episode } = await findBedEpisode({ db, bedId });
  if (!episode)
    throw new AppError(
      "NOT_FOUND",
      `Bed "${bedId}" has no patient on support: there is no trend to show.`,
      undefined,
      refusal("bedNoSupport"),
    );
  // Read before the readings: a client continuing live from it may see a reading twice, never miss one.
  const lastSeq = await getLastSeq({ db });
  return readEpisodeSeries({
    db,
    bedId,
    episode,
    parameter: query.parameter,
    from: query.from,
    to: query.to,
    width: query.width,
    lastSeq,
    now,
  });
}
