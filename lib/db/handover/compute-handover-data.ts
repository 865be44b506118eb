import { parametersIn, type TParameterCode } from "@/lib/catalogue";
import { parseEpisodeSettings } from "@/lib/episodes/parse-episode-settings";
import {
  buildHandoverData,
  HANDOVER_LABS,
  settingCodesFor,
  suggestSeverity,
  TREND_CODES,
  type THandoverData,
  type TRoundSection,
} from "@/lib/handover";
import { ageInYears, initialsOf } from "@/lib/patients/age-in-years";
import type { Db } from "../client";
import { readShiftAlarms } from "./read-shift-alarms";
import { readShiftRounds } from "./read-shift-rounds";
import { findValueRun } from "../observations/find-value-run";
import { hasReading, readLabSamples, readSettingReadings, readTrendSummaries } from "./read-shift-observations";

export interface TComputeHandoverData {
  db: Db;
  /** The stay handed over, and the support that ran during the shift (null when none ran). */
  stayId: string;
  episodeId: string | null;
  /** The shift's start and the end of the period to cover (the shift's end, or now / the sign-out while it runs). */
  startsAt: number;
  coversUntil: number;
  now: number;
}

/**
 * The generated part of a handover sheet: the stay's data over the shift, read from the database, shaped by
 * lib/handover, with the alarms of the stay and the rounds of the support from their features' tables
 * (docs/alarms.md, docs/rounds.md). With no support running (not yet cannulated, or after a balloon's removal) the
 * stay's own values are handed over; device settings, runs and rounds only when a support ran.
 */
export async function computeHandoverData({
  db,
  stayId,
  episodeId,
  startsAt,
  coversUntil,
  now,
}: TComputeHandoverData): Promise<THandoverData> {
  const stay = await db.stay.findUniqueOrThrow({
    where: { id: stayId },
    include: {
      patient: true,
      episodes: {
        where: { startedAt: { lt: new Date(coversUntil) } },
        orderBy: { startedAt: "desc" },
        take: 1,
        select: { deviceType: true, startedAt: true, endedAt: true },
      },
    },
  });
  const episode = episodeId ? await db.supportEpisode.findUniqueOrThrow({ where: { id: episodeId } }) : null;
  const deviceType = episode?.deviceType ?? null;
  const measured = new Set<string>(parametersIn(deviceType).map((p) => p.code));
  const has = (code: TParameterCode) => measured.has(code);
  const labCodes = HANDOVER_LABS.filter(has);
  const trendCodes = TREND_CODES.filter(has);
  // The patient's values are the stay's (a lab before cannulation counts); a device's settings and runs only since
  // this episode began (an earlier balloon of the same stay is another run).
  const from = episode?.startedAt.getTime() ?? 0;
  const [labs, settings, trends, pumping, ratio, dpcFlowRecorded] = await Promise.all([
    readLabSamples(db, stayId, labCodes, coversUntil),
    readSettingReadings(db, stayId, deviceType ? settingCodesFor(deviceType) : [], startsAt, coversUntil),
    readTrendSummaries(db, stayId, trendCodes, startsAt, coversUntil),
    episode && has("iabp_pumping")
      ? findValueRun({ db, stayId, from, parameter: "iabp_pumping", until: coversUntil })
      : null,
    episode && has("iabp_ratio")
      ? findValueRun({ db, stayId, from, parameter: "iabp_ratio", until: coversUntil })
      : null,
    has("dpc_flow") ? hasReading(db, stayId, "dpc_flow", coversUntil) : true,
  ]);
  const { patient } = stay;
  const [alarms, rounds] = await Promise.all([
    readShiftAlarms({ db, stayId, startsAt, coversUntil }),
    episode ? readShiftRounds({ db, episodeId: episode.id, episodeStartedAt: from, startsAt, coversUntil }) : NO_ROUNDS,
  ]);
  const last = stay.episodes[0];
  const data = buildHandoverData({
    generatedAt: now,
    startsAt,
    coversUntil,
    patient: {
      initials: initialsOf(patient.givenName, patient.familyName),
      identifier: patient.identifier,
      ageYears: ageInYears(patient.birthDate, new Date(coversUntil)),
      sex: patient.sex,
      weightKg: stay.weightKg ?? patient.weightKg,
    },
    stay: {
      admittedAt: stay.admittedAt.getTime(),
      diagnosis: stay.diagnosis,
      // The newest support begun by the end of the period, if it had ended by then (removed before or during it).
      lastSupport:
        last?.endedAt && last.endedAt.getTime() <= coversUntil
          ? { deviceType: last.deviceType, startedAt: last.startedAt.getTime(), endedAt: last.endedAt.getTime() }
          : null,
    },
    episode: episode && {
      id: episode.id,
      deviceType: episode.deviceType,
      startedAt: from,
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

/** Rounds are a support's checklists (docs/rounds.md): with none running there are none to count, and it says so. */
const NO_ROUNDS: TRoundSection = { available: false, reason: "no_support" };
