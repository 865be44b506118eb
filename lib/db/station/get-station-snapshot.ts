import { CATALOGUE, parametersFor } from "@/lib/catalogue";
import { TILE_LABS } from "@/lib/station/prepare-tile";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import { ageInYears } from "@/lib/patients/age-in-years";
import type { TStationBed, TStationSnapshot } from "@/lib/station/snapshot";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { findLatestValues } from "../observations/find-latest-values";
import { getLastSeq } from "../observations/get-last-seq";

/** The values a tile shows for a patient with no support running (prepare-tile.ts): the labs of the tile. */
const STAY_ONLY_PARAMETERS = CATALOGUE.filter((p) => (TILE_LABS as readonly string[]).includes(p.code));

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
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
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
          id: true,
          admittedAt: true,
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
    const stayRef = stay ? { id: stay.id, admittedAt: stay.admittedAt.getTime() } : null;
    if (!episode) {
      stationBeds.push({
        bedId: bed.id,
        label: bed.label,
        position: bed.position,
        stay: stayRef,
        patient: patient ?? null,
        episode: null,
        // No support running: the tile shows the stay's labs (a lactate before cannulation).
        latest: stay ? await findLatestValues({ db, stayId: stay.id, parameters: STAY_ONLY_PARAMETERS }) : {},
      });
      continue;
    }
    const { deviceType } = episode;
    stationBeds.push({
      bedId: bed.id,
      label: bed.label,
      position: bed.position,
      stay: stayRef,
      patient: patient ?? null,
      episode: {
        id: episode.id,
        deviceType,
        startedAt: episode.startedAt.getTime(),
        cannulationSite: episode.cannulationSite,
        settings: parseEpisodeSettings(episode.settings).settings,
      },
      latest: await findLatestValues({ db, stayId: episode.stayId, parameters: parametersFor(deviceType) }),
    });
  }
  return { unit, serverTime: now.getTime(), lastSeq, beds: stationBeds };
}
