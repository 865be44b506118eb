import type { TBedStay } from "@/lib/stays/stay";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** A bed, its open stay (patient, running support) and the unit's free beds: what the bed page's stay panel shows. */
export async function getBedStay({ db, bedId }: { db: Db; bedId: string }): Promise<TBedStay> {
  const bed = await db.bed.findUnique({
    where: { id: bedId },
    select: {
      id: true,
      label: true,
      unitId: true,
      stays: {
        where: { dischargedAt: null },
        take: 1,
        include: { patient: true, episodes: { where: { endedAt: null }, orderBy: { startedAt: "desc" }, take: 1 } },
      },
    },
  });
  if (!bed) throw new AppError("NOT_FOUND", `No bed "${bedId}".`, undefined, refusal("bedNotFound"));
  const free = await db.bed.findMany({
    where: { unitId: bed.unitId, stays: { none: { dischargedAt: null } } },
    orderBy: { position: "asc" },
    select: { id: true, label: true },
  });
  const stay = bed.stays[0];
  const episode = stay?.episodes[0];
  return {
    bed: { id: bed.id, label: bed.label, unitId: bed.unitId },
    stay: stay
      ? {
          id: stay.id,
          admittedAt: stay.admittedAt.getTime(),
          diagnosis: stay.diagnosis,
          weightKg: stay.weightKg,
          heightCm: stay.heightCm,
          patient: {
            mrn: stay.patient.identifier,
            givenName: stay.patient.givenName,
            familyName: stay.patient.familyName,
            birthDate: stay.patient.birthDate.toISOString().slice(0, 10),
            sex: stay.patient.sex,
          },
          episode: episode
            ? {
                id: episode.id,
                deviceType: episode.deviceType,
                startedAt: episode.startedAt.getTime(),
                cannulationSite: episode.cannulationSite,
                cannulationSide: episode.cannulationSide,
                consoleModel: episode.consoleModel,
              }
            : null,
        }
      : null,
    freeBeds: free.filter((b) => b.id !== bed.id),
  };
}

/** The bed's open stay, or CONFLICT naming the bed: an operation on a patient needs one in the bed. */
export function openStayOf(bedStay: TBedStay): NonNullable<TBedStay["stay"]> {
  if (!bedStay.stay)
    throw new AppError(
      "CONFLICT",
      `Bed ${bedStay.bed.label} has no patient.`,
      undefined,
      refusal("bedHasNoPatient", { bed: bedStay.bed.label }),
    );
  return bedStay.stay;
}

/** The support running in the bed, or CONFLICT naming the bed. */
export function runningEpisodeOf(bedStay: TBedStay): NonNullable<NonNullable<TBedStay["stay"]>["episode"]> {
  const episode = openStayOf(bedStay).episode;
  if (!episode)
    throw new AppError(
      "CONFLICT",
      `Bed ${bedStay.bed.label} has no support running.`,
      undefined,
      refusal("bedHasNoSupportRunning", { bed: bedStay.bed.label }),
    );
  return episode;
}
