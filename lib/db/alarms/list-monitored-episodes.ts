import type { TDeviceType } from "@/lib/catalogue";
import { heparinRun, type THeparinRun } from "@/lib/episodes/heparin-run";
import type { Db } from "../client";

export interface TMonitoredEpisode {
  readonly id: string;
  readonly unitId: string;
  readonly bedId: string;
  readonly deviceType: TDeviceType;
  readonly startedAt: number;
  /** The heparin infusion as the settings history has it now; undefined when no rate was ever recorded. */
  readonly heparin: THeparinRun | undefined;
}

/**
 * The episodes under way: those whose absence and staleness timers run, with what the timers need to know of each
 * now (the heparin run, read on every tick so that a rate stopped on the stay panel ends the anti-Xa timer at once).
 */
export async function listMonitoredEpisodes({ db }: { db: Db }): Promise<TMonitoredEpisode[]> {
  const rows = await db.supportEpisode.findMany({
    where: { endedAt: null },
    select: {
      id: true,
      bedId: true,
      deviceType: true,
      startedAt: true,
      bed: { select: { unitId: true } },
      // A handful of rows per episode (a settings change is a person's act), through (episodeId, at).
      settingChanges: { select: { at: true, settings: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    unitId: r.bed.unitId,
    bedId: r.bedId,
    deviceType: r.deviceType,
    startedAt: r.startedAt.getTime(),
    heparin: heparinRun(r.settingChanges.map((c) => ({ at: c.at.getTime(), settings: c.settings }))),
  }));
}
