import type { TDeviceType } from "@/lib/catalogue";
import type { Db } from "../client";

export interface TMonitoredEpisode {
  readonly id: string;
  readonly unitId: string;
  readonly bedId: string;
  readonly deviceType: TDeviceType;
  readonly startedAt: number;
}

/** The episodes under way: those whose absence and staleness timers run. */
export async function listMonitoredEpisodes({ db }: { db: Db }): Promise<TMonitoredEpisode[]> {
  const rows = await db.supportEpisode.findMany({
    where: { endedAt: null },
    select: { id: true, bedId: true, deviceType: true, startedAt: true, bed: { select: { unitId: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    unitId: r.bed.unitId,
    bedId: r.bedId,
    deviceType: r.deviceType,
    startedAt: r.startedAt.getTime(),
  }));
}
