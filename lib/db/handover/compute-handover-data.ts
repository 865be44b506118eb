import { parametersFor, type TParameterCode } from "@/lib/catalogue";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import {
  buildHandoverData,
  HANDOVER_LABS,
  settingCodesFor,
  suggestSeverity,
  TREND_CODES,
  type THandoverData,
} from "@/lib/handover";
import { ageInYears, initialsOf } from "@/lib/patients/age-in-years";
import type { Db } from "../client";
import { readShiftAlarms } from "./read-shift-alarms";
import { readShiftRounds } from "./read-shift-rounds";
import { findValueRun } from "../observations/find-value-run";
import { hasReading, readLabSamples, readSettingReadings, readTrendSummaries } from "./read-shift-observations";

export interface TComputeHandoverData {
  db: Db;
  episodeId: string;
  /** The shift's start and the end of the period to cover (the shift's end, or now / the sign-out while it runs). */
  startsAt: number;
  coversUntil: number;
  now: number;
}

/**
 * The generated part of a handover sheet: the episode's data over the shift, read from the database, shaped by
 * lib/handover, with the alarms and rounds of the shift from their features' tables (docs/alarms.md, docs/rounds.md).
 */
export async function computeHandoverData({
  db,
  episodeId,
  startsAt,
  coversUntil,
  now,
}: TComputeHandoverData): Promise<THandoverData> {
  const episode = await db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId }, include: { patient: true } });
  const { deviceType } = episode;
  const measured = new Set<string>(parametersFor(deviceType).map((p) => p.code));
  const has = (code: TParameterCode) => measured.has(code);
  const labCodes = HANDOVER_LABS.filter(has);
  const trendCodes = TREND_CODES.filter(has);
  // The patient's values are the stay's (a lab before cannulation counts); a device's settings and runs only since
  // this episode began (an earlier balloon of the same stay is another run).
  const { stayId } = episode;
  const from = episode.startedAt.getTime();
  const [labs, settings, trends, pumping, ratio, dpcFlowRecorded] = await Promise.all([
    readLabSamples(db, stayId, labCodes, coversUntil),
    readSettingReadings(db, stayId, settingCodesFor(deviceType), startsAt, coversUntil),
    readTrendSummaries(db, stayId, trendCodes, startsAt, coversUntil),
    has("iabp_pumping") ? findValueRun({ db, stayId, from, parameter: "iabp_pumping", until: coversUntil }) : null,
    has("iabp_ratio") ? findValueRun({ db, stayId, from, parameter: "iabp_ratio", until: coversUntil }) : null,
    has("dpc_flow") ? hasReading(db, stayId, "dpc_flow", coversUntil) : true,
  ]);
  const { patient } = episode;
  const [alarms, rounds] = await Promise.all([
    readShiftAlarms({ db, episodeId, startsAt, coversUntil }),
    readShiftRounds({ db, episodeId, episodeStartedAt: episode.startedAt.getTime(), startsAt, coversUntil }),
  ]);
  const data = buildHandoverData({
    generatedAt: now,
    startsAt,
    coversUntil,
    patient: {
      initials: initialsOf(patient.givenName, patient.familyName),
      identifier: patient.identifier,
      ageYears: ageInYears(patient.birthDate, new Date(coversUntil)),
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
    },
    labs,
    settings,
    trends,
    runs: { pumping, ratio },
    dpcFlowRecorded,
    alarms,
    rounds,
  });
  return { ...data, severity: suggestSeverity(data) };
}
