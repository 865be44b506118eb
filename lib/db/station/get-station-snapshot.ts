import { parametersFor } from "@/lib/catalogue";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import { ageInYears } from "@/lib/patients/age-in-years";
import type { TStationBed, TStationSnapshot } from "@/lib/station/snapshot";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { findLatestValues } from "../observations/find-latest-values";
import { getLastSeq } from "../observations/get-last-seq";

/**
 * What the central station shows of a unit: every bed, its patient (initials only: the bed's open stay's), the stay's
 * running episode and the
 * latest value of each parameter its device reports, with an earlier value for the trend arrow.
 * `lastSeq` is read before the values, so a screen replaying from it may see a reading twice but never misses one.
 */
export async function getStationSnapshot({
  db,
  unitId,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  now?: Date;
}): Promise<TStationSnapshot> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, timeZone: true } });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`);
  const lastSeq = await getLastSeq({ db });
  const beds = await db.bed.findMany({
    where: { unitId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      label: true,
      position: true,
      // An occupied bed is a bed with an open stay; its support is the stay's running episode (none yet, or weaned).
      stays: {
        where: { dischargedAt: null },
        take: 1,
        select: {
          patient: { select: { givenName: true, familyName: true, birthDate: true, sex: true } },
          episodes: { where: { endedAt: null }, orderBy: { startedAt: "desc" }, take: 1 },
        },
      },
    },
  });

  const stationBeds: TStationBed[] = [];
  for (const bed of beds) {
    const stay = bed.stays[0];
    const patient = stay && {
      initials: `${stay.patient.givenName.charAt(0)}${stay.patient.familyName.charAt(0)}`.toUpperCase(),
      ageYears: ageInYears(stay.patient.birthDate, now),
      sex: stay.patient.sex,
    };
    const episode = stay?.episodes[0];
    if (!episode) {
      stationBeds.push({
        bedId: bed.id,
        label: bed.label,
        position: bed.position,
        patient: patient ?? null,
        episode: null,
        latest: {},
      });
      continue;
    }
    const { deviceType } = episode;
    stationBeds.push({
      bedId: bed.id,
      label: bed.label,
      position: bed.position,
      patient: patient ?? null,
      episode: {
        id: episode.id,
        deviceType,
        startedAt: episode.startedAt.getTime(),
        cannulationSite: episode.cannulationSite,
        settings: parseEpisodeSettings(episode.settings).settings,
      },
      latest: await findLatestValues({ db, episodeId: episode.id, parameters: parametersFor(deviceType) }),
    });
  }
  return { unit, serverTime: now.getTime(), lastSeq, beds: stationBeds };
}
