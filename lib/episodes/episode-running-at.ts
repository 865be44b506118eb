/** An interval of support as the stay knows it: from its start to its end (null while it runs). */
export interface TEpisodeInterval {
  readonly startedAt: Date;
  readonly endedAt: Date | null;
}

/**
 * The episode running at a time: started at or before it and not ended before it (an end is inclusive, as the write
 * path has always judged a reading at the end's instant). Episodes of one stay do not overlap; should two, the one
 * started last wins, as a screen shows the newest support. Undefined when none ran then (before cannulation, after
 * weaning).
 */
export function episodeRunningAt<T extends TEpisodeInterval>(episodes: readonly T[], at: Date | number): T | undefined {
  const t = typeof at === "number" ? at : at.getTime();
  let found: T | undefined;
  for (const episode of episodes) {
    if (episode.startedAt.getTime() > t) continue;
    if (episode.endedAt !== null && episode.endedAt.getTime() < t) continue;
    if (!found || episode.startedAt.getTime() > found.startedAt.getTime()) found = episode;
  }
  return found;
}
