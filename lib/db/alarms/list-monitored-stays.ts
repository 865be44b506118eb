import type { TDeviceType } from "@/lib/catalogue";
import { heparinRun, type THeparinRun } from "@/lib/episodes/heparin-run";
import type { Db } from "../client";

/** The support episode running in a stay now. */
interface TRunningEpisode {
  readonly id: string;
  readonly deviceType: TDeviceType;
  readonly startedAt: number;
  /** The heparin infusion as the settings history has it now; undefined when no rate was ever recorded. */
  readonly heparin: THeparinRun | undefined;
}

export interface TMonitoredStay {
  readonly id: string;
  readonly unitId: string;
  /** The bed the patient is in now (a move changes it). */
  readonly bedId: string;
  readonly admittedAt: number;
  /** Null when no support runs: only the rules judged for the whole stay apply. */
  readonly episode: TRunningEpisode | null;
}

/**
 * The open stays the engine judges, with what runs in each now: the running episode (the timers' and the device
 * rules' context) and its heparin run, read on every tick so that a rate stopped on the stay panel ends the anti-Xa
 * timer at once and an ended support ends its device rules' alarms. One stay when `stayId` is given (undefined when
 * it is not open: discharged, or unknown).
 */
export async function listMonitoredStays({ db, stayId }: { db: Db; stayId?: string }): Promise<TMonitoredStay[]> {
  const rows = await db.stay.findMany({
    where: { dischargedAt: null, ...(stayId === undefined ? {} : { id: stayId }) },
    select: {
      id: true,
      unitId: true,
      bedId: true,
      admittedAt: true,
      episodes: {
        where: { endedAt: null },
        select: {
          id: true,
          deviceType: true,
          startedAt: true,
          // A handful of rows per episode (a settings change is a person's act), through (episodeId, at).
          settingChanges: { select: { at: true, settings: true } },
        },
      },
    },
  });
  return rows.map((r) => {
    // One running support per stay (lib/db/stays/start-episode.ts refuses a second).
    const e = r.episodes[0];
    return {
      id: r.id,
      unitId: r.unitId,
      bedId: r.bedId,
      admittedAt: r.admittedAt.getTime(),
      episode: e
        ? {
            id: e.id,
            deviceType: e.deviceType,
            startedAt: e.startedAt.getTime(),
            heparin: heparinRun(e.settingChanges.map((c) => ({ at: c.at.getTime(), settings: c.settings }))),
          }
        : null,
    };
  });
}
