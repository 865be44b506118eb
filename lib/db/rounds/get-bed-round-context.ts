import { initialsOf } from "@/lib/patients/age-in-years";
import type { TBedRoundContext } from "@/lib/rounds/round-dtos";
import { findBedEpisode } from "../beds/find-bed-episode";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";
import { findRoundParameterValues } from "./find-round-parameter-values";
import { loadEpisodeRounds } from "./load-episode-rounds";

/** What a bed's round form needs: the checklist in force, what is asked now, and each item's last answer, and the newest value
 * of each parameter its numbers feed. */
export async function getBedRoundContext({
  db,
  bedId,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  now?: Date;
}): Promise<TBedRoundContext> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  if (!episode)
    throw new AppError(
      "CONFLICT",
      `Bed ${bed.label} has no patient on support: there is no round to fill.`,
      undefined,
      refusal("roundNoPatient", { bed: bed.label }),
    );
  const shifts = await getUnitShiftPattern({ db, unitId: bed.unitId });
  const rounds = await loadEpisodeRounds({ db, episode, shifts, now: now.getTime() });
  if (!rounds.template || !rounds.schedule)
    throw new AppError(
      "CONFLICT",
      `No checklist is published for ${episode.deviceType}: an administrator must publish one.`,
      undefined,
      refusal("roundNoChecklist", { device: episode.deviceType }),
    );
  const parameterValues = await findRoundParameterValues({
    db,
    stayId: episode.stayId,
    episodeId: episode.id,
    parameters: rounds.template.items.flatMap((i) => (i.type === "number" && i.parameter ? [i.parameter] : [])),
  });
  return {
    bed: { id: bed.id, label: bed.label, unitId: bed.unitId },
    timeZone: bed.unit.timeZone,
    serverTime: now.getTime(),
    episode: { id: episode.id, deviceType: episode.deviceType, startedAt: episode.startedAt.getTime() },
    patientInitials: initialsOf(episode.patient.givenName, episode.patient.familyName),
    template: rounds.template,
    schedule: { dueAt: rounds.schedule.dueAt, overdue: rounds.schedule.overdue, open: rounds.schedule.open },
    previous: rounds.previous,
    parameterValues,
  };
}
