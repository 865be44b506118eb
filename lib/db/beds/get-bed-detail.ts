import { parametersFor } from "@/lib/catalogue";
import type { TBedDetail, TLabSample, TReplacedLabSample } from "@/lib/bed/bed-detail";
import type { TComparator, TResultStatus } from "@/lib/observations/lab-result";
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
  if (!episode) return { serverTime: now.getTime(), lastSeq, bed: header, patient: null, episode: null, ...empty };

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
    findLabs(db, episode.stayId, labCodes),
    hasIabp ? findValueRun({ db, stayId: episode.stayId, from, parameter: "iabp_pumping" }) : null,
    hasIabp ? findValueRun({ db, stayId: episode.stayId, from, parameter: "iabp_ratio" }) : null,
    hasEcmo ? findDpFlowBaseline(db, episode.stayId, from) : null,
    listFourTs({ db, episodeId: episode.id }),
    listOpenLabRefusals({ db, episodeId: episode.id }),
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

interface TLabRow {
  parameter: string;
  seq: number | bigint;
  value: number;
  observedAt: number | bigint;
  resultStatus: TResultStatus | null;
  comparator: TComparator | null;
  resultKey: string | null;
}

/**
 * Every laboratory result of the stay: the current ones (oldest first), and those a later message replaced
 * (newest first), each with what replaced it, for the value's history. Observation is append-only: a result's rows
 * share a resultKey, and each row replaces the one before it (insert-observation-batch.ts).
 */
async function findLabs(
  db: Db,
  stayId: string,
  codes: readonly string[],
): Promise<{ labs: Record<string, TLabSample[]>; replacedLabs: Record<string, TReplacedLabSample[]> }> {
  const labs: Record<string, TLabSample[]> = Object.fromEntries(codes.map((c) => [c, []]));
  const replacedLabs: Record<string, TReplacedLabSample[]> = {};
  if (codes.length === 0) return { labs, replacedLabs };
  const rows = await db.$queryRawUnsafe<TLabRow[]>(
    sqlFor(
      db,
      `SELECT "parameter","seq","value","observedAt","resultStatus","comparator","resultKey" FROM "Observation"
        WHERE "stayId" = ? AND "parameter" IN (${codes.map(() => "?").join(",")}) ORDER BY "observedAt", "seq"`,
    ),
    stayId,
    ...codes,
  );
  // The rows of one result, in seq order: all but the last are replaced, each by the next.
  const chains = new Map<string, TLabRow[]>();
  for (const row of rows) if (row.resultKey) chains.set(row.resultKey, [...(chains.get(row.resultKey) ?? []), row]);
  const replacedBy = new Map<number, TLabRow>();
  for (const chain of chains.values()) {
    chain.sort((a, b) => Number(a.seq) - Number(b.seq));
    chain.forEach((row, i) => {
      const next = chain[i + 1];
      if (next) replacedBy.set(Number(row.seq), next);
    });
  }
  for (const row of rows) {
    const sample: TLabSample = {
      seq: Number(row.seq),
      value: row.value,
      observedAt: Number(row.observedAt),
      ...(row.resultStatus && row.resultStatus !== "final" ? { status: row.resultStatus } : {}),
      ...(row.comparator ? { comparator: row.comparator } : {}),
    };
    const next = replacedBy.get(sample.seq);
    if (next) {
      const replaced = { seq: Number(next.seq), status: next.resultStatus ?? "final", value: next.value };
      (replacedLabs[row.parameter] ??= []).unshift({ ...sample, replacedBy: replaced });
    } else if (row.resultStatus !== "cancelled") labs[row.parameter]?.push(sample);
  }
  return { labs, replacedLabs };
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
