import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/**
 * A bed, its unit and its active episode (the newest one not ended) with the patient; the episode is null for an
 * empty bed. Unknown bed: NOT_FOUND. Every bed-view read starts here, so that all of them agree on which episode
 * is the bed's and never show a previous patient's readings.
 */
export async function findBedEpisode({ db, bedId }: { db: Db; bedId: string }) {
  const bed = await db.bed.findUnique({
    where: { id: bedId },
    select: {
      id: true,
      label: true,
      unitId: true,
      unit: { select: { name: true, timeZone: true } },
      episodes: { where: { endedAt: null }, orderBy: { startedAt: "desc" }, take: 1, include: { patient: true } },
    },
  });
  if (!bed)
    throw new AppError(
      "NOT_FOUND",
      `No bed "${bedId}". Check the address, or open the bed from its central station.`,
      undefined,
      refusal("bedNotFound"),
    );
  const { episodes, ...rest } = bed;
  return { bed: rest, episode: episodes[0] ?? null };
}
