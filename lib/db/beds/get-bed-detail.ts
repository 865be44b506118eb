import { parametersFor } from "@/lib/catalogue";
import type { TBedDetail, TLabSample, TValueRun } from "@/lib/bed/bed-detail";
import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import { ageInYears, initialsOf } from "@/lib/patients/age-in-years";
import { DP_FLOW_BASELINE_WINDOW_MS } from "@/lib/scores/dp-per-flow";
import { parseStoredSaveScore } from "@/lib/scores/save-score";
import type { Db } from "../client";
import { findLatestValues } from "../observations/find-latest-values";
import { getLastSeq } from "../observations/get-last-seq";
import { listFourTs } from "../episodes/list-four-ts";
import { findBedEpisode } from "./find-bed-episode";

/**
 * The bed view's header, device values, labs and the few derived facts that need the episode's history (since when
 * the balloon has been stopped, the ΔP/flow baseline). Trends come separately (get-parameter-series.ts).
 * `lastSeq` is read first, as for the station: a replay from it may repeat a reading, never miss one.
 */
export async function getBedDetail({ db, bedId, now = new Date() }: { db: Db; bedId: string; now?: Date }): Promise<TBedDetail> {
  const { bed, episode } = await findBedEpisode({ db, bedId });
  const lastSeq = await getLastSeq({ db });
  const header = { id: bed.id, label: bed.label, unitId: bed.unitId, unitName: bed.unit.name, timeZone: bed.unit.timeZone };
  const empty = { latest: {}, labs: {}, runs: { pumping: null, ratio: null }, dpFlowBaseline: null };
  if (!episode) return { serverTime: now.getTime(), lastSeq, bed: header, patient: null, episode: null, ...empty };

  const { deviceType } = episode;
  const parameters = parametersFor(deviceType);
  const labCodes = parameters.filter((p) => p.sourceKind === "lab").map((p) => p.code);
  const hasIabp = deviceType !== "VA_ECMO";
  const hasEcmo = deviceType !== "IABP";
  const [latest, labs, pumping, ratio, dpFlowBaseline, fourTs] = await Promise.all([
    findLatestValues({ db, episodeId: episode.id, parameters }),
    findLabs(db, episode.id, labCodes),
    hasIabp ? findRun(db, episode.id, "iabp_pumping") : null,
    hasIabp ? findRun(db, episode.id, "iabp_ratio") : null,
    hasEcmo ? findDpFlowBaseline(db, episode.id) : null,
    listFourTs({ db, episodeId: episode.id }),
  ]);
  const { patient } = episode;
  return {
    serverTime: now.getTime(),
    lastSeq,
    bed: header,
    patient: { initials: initialsOf(patient.givenName, patient.familyName), ageYears: ageInYears(patient.birthDate, now), sex: patient.sex, weightKg: patient.weightKg },
    episode: {
      id: episode.id,
      deviceType,
      startedAt: episode.startedAt.getTime(),
      cannulationSite: episode.cannulationSite,
      diagnosis: episode.diagnosis,
      settings: parseSettings(episode.settings),
      ageAtStartYears: ageInYears(patient.birthDate, episode.startedAt),
      saveScore: parseStoredSaveScore(episode.saveScoreInputs),
      fourTs,
    },
    latest,
    labs,
    runs: { pumping, ratio },
    dpFlowBaseline,
  };
}

function parseSettings(settings: unknown) {
  const parsed = ZEpisodeSettings.safeParse(settings);
  return parsed.success ? parsed.data : {};
}

async function findLabs(db: Db, episodeId: string, codes: readonly string[]): Promise<Record<string, TLabSample[]>> {
  const labs: Record<string, TLabSample[]> = Object.fromEntries(codes.map((c) => [c, []]));
  if (codes.length === 0) return labs;
  const rows = await db.$queryRawUnsafe<{ parameter: string; seq: number | bigint; value: number; observedAt: number | bigint }[]>(
    `SELECT "parameter","seq","value","observedAt" FROM "Observation"
      WHERE "episodeId" = ? AND "parameter" IN (${codes.map(() => "?").join(",")}) ORDER BY "observedAt", "seq"`,
    episodeId,
    ...codes,
  );
  for (const row of rows) labs[row.parameter]?.push({ seq: Number(row.seq), value: row.value, observedAt: Number(row.observedAt) });
  return labs;
}

/**
 * The latest value of a coded parameter and the time of the first reading of its current run: the reading after
 * the last one with another value. The newest different reading is found walking back from the end, which is quick
 * when the setting changed recently and, through the covering index, bearable when it never did.
 */
async function findRun(db: Db, episodeId: string, parameter: string): Promise<TValueRun | null> {
  // Parameters come in once, as the one row of `p`: the driver binds by position only.
  const rows = await db.$queryRawUnsafe<{ value: number; since: number | bigint | null }[]>(
    `WITH p(episode, code) AS (SELECT ?, ?),
       last AS (SELECT o."value" AS value FROM "Observation" o, p WHERE o."episodeId" = p.episode AND o."parameter" = p.code
                ORDER BY o."observedAt" DESC, o."seq" DESC LIMIT 1),
       other AS (SELECT o."observedAt" AS t FROM "Observation" o, p, last WHERE o."episodeId" = p.episode AND o."parameter" = p.code
                 AND o."value" <> last.value ORDER BY o."observedAt" DESC LIMIT 1)
     SELECT last.value AS value,
       (SELECT MIN(o."observedAt") FROM "Observation" o, p WHERE o."episodeId" = p.episode AND o."parameter" = p.code
          AND o."observedAt" > COALESCE((SELECT t FROM other), -1)) AS since
     FROM last`,
    episodeId,
    parameter,
  );
  const row = rows[0];
  return row && row.since !== null ? { value: row.value, since: Number(row.since) } : null;
}

async function findDpFlowBaseline(db: Db, episodeId: string): Promise<TBedDetail["dpFlowBaseline"]> {
  const rows = await db.$queryRawUnsafe<{ start: number | bigint | null; latest: number | bigint | null; dp: number | null; flow: number | null }[]>(
    `WITH w AS (SELECT MIN("observedAt") AS start FROM "Observation" WHERE "episodeId" = ? AND "parameter" IN ('ecmo_dp', 'ecmo_flow'))
     SELECT w.start AS start,
       (SELECT MAX("observedAt") FROM "Observation" WHERE "episodeId" = ? AND "parameter" IN ('ecmo_dp', 'ecmo_flow')) AS latest,
       (SELECT AVG("value") FROM "Observation" WHERE "episodeId" = ? AND "parameter" = 'ecmo_dp' AND "observedAt" >= w.start AND "observedAt" < w.start + ?) AS dp,
       (SELECT AVG("value") FROM "Observation" WHERE "episodeId" = ? AND "parameter" = 'ecmo_flow' AND "observedAt" >= w.start AND "observedAt" < w.start + ?) AS flow
     FROM w`,
    episodeId,
    episodeId,
    episodeId,
    DP_FLOW_BASELINE_WINDOW_MS,
    episodeId,
    DP_FLOW_BASELINE_WINDOW_MS,
  );
  const row = rows[0];
  if (!row || row.start === null || row.latest === null || row.dp === null || row.flow === null) return null;
  const from = Number(row.start);
  const to = from + DP_FLOW_BASELINE_WINDOW_MS;
  return { dp: row.dp, flow: row.flow, from, to, complete: Number(row.latest) >= to };
}
