import type { TBedRoundStatus, TUnitRounds } from "@/lib/rounds/round-dtos";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { getUnitShiftPattern } from "../shifts/get-unit-shift-pattern";
import { findAbnormalFindings } from "./find-abnormal-findings";
import { loadEpisodeRounds } from "./load-episode-rounds";
import { initialsOf } from "@/lib/patients/age-in-years";

/**
 * Every bed of a unit with its round status: when the next round is due (or how late it is), which frequencies it
 * asks, the last round, and the abnormal findings flagged on the bed. The rounds page and the station tiles read it.
 */
export async function getUnitRounds({
  db,
  unitId,
  now = new Date(),
}: {
  db: Db;
  unitId: string;
  now?: Date;
}): Promise<TUnitRounds> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      beds: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          position: true,
          episodes: {
            where: { endedAt: null },
            orderBy: { startedAt: "desc" },
            take: 1,
            include: { patient: { select: { givenName: true, familyName: true } } },
          },
        },
      },
    },
  });
  if (!unit) throw new AppError("NOT_FOUND", `No unit "${unitId}".`, undefined, refusal("unitNotFound"));
  const { pattern, timeZone } = await getUnitShiftPattern({ db, unitId });
  const beds: TBedRoundStatus[] = [];
  for (const bed of unit.beds) {
    const episode = bed.episodes[0];
    if (!episode) {
      beds.push({
        bedId: bed.id,
        label: bed.label,
        position: bed.position,
        episode: null,
        patientInitials: null,
        schedule: null,
        lastRound: null,
        abnormal: [],
      });
      continue;
    }
    const rounds = await loadEpisodeRounds({ db, episode, shifts: { pattern, timeZone }, now: now.getTime() });
    beds.push({
      bedId: bed.id,
      label: bed.label,
      position: bed.position,
      episode: { id: episode.id, deviceType: episode.deviceType, startedAt: episode.startedAt.getTime() },
      patientInitials: initialsOf(episode.patient.givenName, episode.patient.familyName),
      schedule: rounds.schedule
        ? { dueAt: rounds.schedule.dueAt, overdue: rounds.schedule.overdue, open: rounds.schedule.open }
        : null,
      lastRound: rounds.lastRound
        ? { id: rounds.lastRound.id, signedAt: rounds.lastRound.signedAt, signedBy: rounds.lastRound.signedBy }
        : null,
      abnormal: await findAbnormalFindings({ db, rounds }),
    });
  }
  return { unit: { id: unit.id, name: unit.name, timeZone: unit.timeZone }, serverTime: now.getTime(), beds };
}
