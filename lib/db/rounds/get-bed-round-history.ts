import { initialsOf } from "@/lib/patients/age-in-years";
import type { TBedRoundHistory } from "@/lib/rounds/round-dtos";
import { findBedEpisode } from "../beds/find-bed-episode";
import type { Db } from "../client";
import { TEMPLATE_INCLUDE, toTemplateDto } from "./round-template-rows";
import { ROUND_INCLUDE, toRoundDto } from "./round-rows";

/**
 * A bed's rounds over its current episode, oldest first, with every checklist version they were filled with: the
 * history page lays each item's answers out over time. An empty bed has no episode and no rounds.
 */
export async function getBedRoundHistory({ db, bedId }: { db: Db; bedId: string }): Promise<TBedRoundHistory> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  const base = { bed: { id: bed.id, label: bed.label, unitId: bed.unitId }, timeZone: bed.unit.timeZone };
  if (!episode) return { ...base, episode: null, patientInitials: null, templates: [], rounds: [] };
  const rounds = (
    await db.round.findMany({ where: { episodeId: episode.id }, orderBy: { signedAt: "asc" }, include: ROUND_INCLUDE })
  ).map(toRoundDto);
  const templateIds = [...new Set(rounds.map((r) => r.templateId))];
  const templates = (
    await db.roundTemplate.findMany({
      where: { id: { in: templateIds } },
      orderBy: { version: "asc" },
      include: TEMPLATE_INCLUDE,
    })
  ).map(toTemplateDto);
  return {
    ...base,
    episode: { id: episode.id, deviceType: episode.deviceType, startedAt: episode.startedAt.getTime() },
    patientInitials: initialsOf(episode.patient.givenName, episode.patient.familyName),
    templates,
    rounds,
  };
}
