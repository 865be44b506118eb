import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import { ZScenarioName } from "@/lib/simulator/scenarios";
import type { TSimulatedEpisode } from "@/lib/simulator/simulated-episode";
import type { Db } from "../client";

export interface TSimulatedEpisodeRow {
  episode: TSimulatedEpisode;
  /** False when nothing is stored for the episode yet: the simulator then backfills its history. */
  hasObservations: boolean;
}

export interface TListSimulatedEpisodes {
  episodes: TSimulatedEpisodeRow[];
  /** Episodes with a scenario that cannot be simulated as stored, and why (a renamed scenario, settings of another shape). */
  skipped: { episodeId: string; reason: string }[];
}

/** The open support episodes that carry a simulator scenario (demo mode), in bed order. */
export async function listSimulatedEpisodes({ db }: { db: Db }): Promise<TListSimulatedEpisodes> {
  const rows = await db.supportEpisode.findMany({
    where: { endedAt: null, scenario: { not: null } },
    include: {
      bed: { select: { position: true, unit: { select: { timeZone: true } } } },
      observations: { take: 1, select: { seq: true } },
    },
    orderBy: [{ bed: { position: "asc" } }, { startedAt: "asc" }],
  });
  const result: TListSimulatedEpisodes = { episodes: [], skipped: [] };
  for (const row of rows) {
    const scenario = ZScenarioName.safeParse(row.scenario);
    const settings = ZEpisodeSettings.safeParse(row.settings);
    if (!scenario.success || !settings.success) {
      const reason = !scenario.success ? `unknown scenario "${row.scenario}"` : `settings do not parse: ${JSON.stringify(row.settings)}`;
      result.skipped.push({ episodeId: row.id, reason });
      continue;
    }
    result.episodes.push({
      episode: {
        id: row.id,
        bedId: row.bedId,
        deviceType: row.deviceType,
        scenario: scenario.data,
        startedAt: row.startedAt,
        endedAt: row.endedAt,
        cannulationSite: row.cannulationSite,
        settings: settings.data,
        timeZone: row.bed.unit.timeZone,
      },
      hasObservations: row.observations.length > 0,
    });
  }
  return result;
}
