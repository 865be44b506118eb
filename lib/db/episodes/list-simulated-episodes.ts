import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import { ZScenarioName } from "@/lib/simulator/scenarios";
import type { TSimulatedEpisode } from "@/lib/simulator/simulated-episode";
import type { Db } from "../client";

export interface TSimulatedEpisodeRow {
  episode: TSimulatedEpisode;
  /**
   * False when nothing is stored for the episode yet but the numbers of its rounds (the demo's last round is signed
   * before the simulator starts): the simulator then backfills its history.
   */
  hasObservations: boolean;
}

export interface TListSimulatedEpisodes {
  episodes: TSimulatedEpisodeRow[];
  /** Episodes with a scenario that cannot be simulated as stored, and why (a renamed scenario, bad settings JSON). */
  skipped: { episodeId: string; reason: string }[];
}

/** The open support episodes that carry a simulator scenario (demo mode), in bed order. */
export async function listSimulatedEpisodes({ db }: { db: Db }): Promise<TListSimulatedEpisodes> {
  const rows = await db.supportEpisode.findMany({
    where: { endedAt: null, scenario: { not: null } },
    include: {
      bed: { select: { position: true, unit: { select: { timeZone: true } } } },
      observations: { where: { source: { not: "round" } }, take: 1, select: { seq: true } },
    },
    orderBy: [{ bed: { position: "asc" } }, { startedAt: "asc" }],
  });
  const result: TListSimulatedEpisodes = { episodes: [], skipped: [] };
  for (const row of rows) {
    const scenario = ZScenarioName.safeParse(row.scenario);
    const settings = parseEpisodeSettings(row.settings);
    if (!scenario.success) {
      result.skipped.push({ episodeId: row.id, reason: `unknown scenario "${row.scenario}"` });
      continue;
    }
    if (!settings.ok) {
      result.skipped.push({ episodeId: row.id, reason: settings.problem });
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
        settings: settings.settings,
        timeZone: row.bed.unit.timeZone,
      },
      hasObservations: row.observations.length > 0,
    });
  }
  return result;
}
