import { parametersFor } from "@/lib/catalogue";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import { ageInYears, initialsOf } from "@/lib/patients/age-in-years";
import { DP_FLOW_BASELINE_WINDOW_MS } from "@/lib/scores/dp-per-flow";
import { parseStoredSaveScore } from "@/lib/scores/save-score";
import { dialectOf, type Db } from "../client";
import { findLatestValues } from "../observations/find-latest-values";
import { findValueRun } from "../observations/find-value-run";
import { getLastSeq } from "../observations/get-last-seq";
import { listFourTs } from "../episodes/list-four-ts";
import { listOpenLabRefusals } from "../labs/list-open-lab-refusals";
import { findBedEpisode } from "./find-bed-episode";
import { findStayLabs } from "./find-stay-labs";
import { getStayOnlyDetail } from "./get-stay-only-detail";
import { sqlFor, timeParam } from "../dialect";

/**
 * The bed view's header, device values, labs and the few derived facts that need the episode's history (since when
 * the balloon has been stopped, the ΔP/flow baseline). Trends come separately (get-parameter-series.ts).
 * `lastSeq` is read first, as for the station: a replay from it may repeat a reading, never miss one.
 */
export async function getBedDetail({
  db,
  bedId,
  now = new Date(),
}: {
  db: Db;
  bedId: string;
  now?: Date;
}): Promise<TBedDetail> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  const lastSeq = await getLastSeq({ db });
  const header = {
    id: bed.id,
    label: bed.label,
    unitId: bed.unitId,
    unitName: bed.unit.name,
    timeZone: bed.unit.timeZone,
  };
  const empty = { latest: {}, labs: {}, runs: { pumping: null, ratio: null }, dpFlowBaseline: null };
  if (!episode) {
    // Admitted with no support running: the stay's own values (issue 15).
    const stayOnly = await getStayOnlyDetail({ db, bedId, now });
    if (stayOnly) return { serverTime: now.getTime(), lastSeq, bed: header, ...stayOnly };
    return { serverTime: now.getTime(), lastSeq, bed: header, patient: null, episode: null, ...empty };
  }

  const { deviceType } = episode;
  const parameters = parametersFor(deviceType);
  const labCodes = parameters.filter((p) => p.sourceKind === "lab").map((p) => p.code);
  const hasIabp = deviceType !== "VA_ECMO";
  const hasEcmo = deviceType !== "IABP";
  const from = episode.startedAt.getTime();
  const [latest, { labs, replacedLabs }, pumping, ratio, dpFlowBaseline, fourTs, labRefusals] = await Promise.all([
    // Values and labs are the stay's (a lactate before cannulation counts); the derived facts of a device below are
    // its episode's.
    findLatestValues({ db, stayId: episode.stayId, parameters }),
    findStayLabs({ db, stayId: episode.stayId, codes: labCodes }),
    hasIabp ? findValueRun({ db, stayId: episode.stayId, from, parameter: "iabp_pumping" }) : null,
    hasIabp ? findValueRun({ db, stayId: episode.stayId, from, parameter: "iabp_ratio" }) : null,
    hasEcmo ? findDpFlowBaseline(db, episode.stayId, from) : null,
    listFourTs({ db, episodeId: episode.id }),
    listOpenLabRefusals({ db, stayId: episode.stayId }),
  ]);
  const { patient } = episode;
  return {
    serverTime: now.getTime(),
    lastSeq,
    bed: header,
    patient: {
      initials: initialsOf(patient.givenName, patient.familyName),
      ageYears: ageInYears(patient.birthDate, now),
      sex: patient.sex,
      weightKg: patient.weightKg,
    },
    episode: {
      id: episode.id,
      deviceType,
      startedAt: episode.startedAt.getTime(),
      cannulationSite: episode.cannulationSite,
      diagnosis: episode.diagnosis,
      settings: parseEpisodeSettings(episode.settings).settings,
      ageAtStartYears: ageInYears(patient.birthDate, episode.startedAt),
      saveScore: parseStoredSaveScore(episode.saveScoreInputs),
      fourTs,
    },
    latest,
    labs,
    replacedLabs,
    labRefusals,
    runs: { pumping, ratio },
    dpFlowBaseline,
  };
}

/** The ΔP/flow baseline of the running ECMO: its first hour, from the episode's start (`from`), read by stay. */
async function findDpFlowBaseline(db: Db, stayId: string, from: number): Promise<TBedDetail["dpFlowBaseline"]> {
  // The window's end: milliseconds added to a time (SQLite's integer, PostgreSQL's timestamp).
  const plusMs = dialectOf(db) === "postgres" ? `w.start + ?::float8 * INTERVAL '1 millisecond'` : `w.start + ?`;
  const rows = await db.$queryRawUnsafe<
    {
      start: number | bigint | Date | null;
      latest: number | bigint | Date | null;
      dp: number | null;
      flow: number | null;
    }[]
  >(
    sqlFor(
      db,
      `WITH w AS (SELECT MIN("observedAt") AS start FROM "Observation" WHERE "stayId" = ? AND "parameter" IN ('ecmo_dp', 'ecmo_flow') AND "observedAt" >= ?)
     SELECT w.start AS start,
       (SELECT MAX("observedAt") FROM "Observation" WHERE "stayId" = ? AND "parameter" IN ('ecmo_dp', 'ecmo_flow')) AS latest,
       (SELECT AVG("value") FROM "Observation" WHERE "stayId" = ? AND "parameter" = 'ecmo_dp' AND "observedAt" >= w.start AND "observedAt" < ${plusMs}) AS dp,
       (SELECT AVG("value") FROM "Observation" WHERE "stayId" = ? AND "parameter" = 'ecmo_flow' AND "observedAt" >= w.start AND "observedAt" < ${plusMs}) AS flow
     FROM w`,
    ),
    stayId,
    timeParam(db, from),
    stayId,
    stayId,
    DP_FLOW_BASELINE_WINDOW_MS,
    stayId,
    DP_FLOW_BASELINE_WINDOW_MS,
  );
  const row = rows[0];
  if (!row || row.start === null || row.latest === null || row.dp === null || row.flow === null) return null;
  const start = Number(row.start);
  const to = start + DP_FLOW_BASELINE_WINDOW_MS;
  return { dp: row.dp, flow: row.flow, from: start, to, complete: Number(row.latest) >= to };
}
