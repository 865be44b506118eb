import { CLINICAL_LIMITS, parametersIn, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import type { TEpisodeSettings } from "@/lib/episodes/episode-settings";
import type { TTimedValue } from "@/lib/scores/types";
import type { TAlarmSection, THandoverData, TProtocolTimer, TRoundSection } from "./handover-data";
import { summarizeLab } from "./lab-summary";
import { findSettingChanges, settingCodesFor } from "./settings-changes";

/** The continuous values whose course over the shift the sheet shows (first, last, min, max). */
export const TREND_CODES: readonly TParameterCode[] = [
  "map",
  "hr",
  "spo2_right",
  "ecmo_flow",
  "ecmo_dp",
  "ecmo_pven",
  "nirs_left",
  "nirs_right",
  "dpc_flow",
  "iabp_aug",
  "helium_level",
  "urine_output",
];

/** The labs a sheet reports, in the order of docs/clinical-reference.md §2. */
export const HANDOVER_LABS: readonly TParameterCode[] = [
  "lactate",
  "anti_xa",
  "platelets",
  "hemoglobin",
  "fibrinogen",
  "ldh",
  "free_hb",
];

const DAY = 24 * 3_600_000;

export interface TBuildHandoverData {
  generatedAt: number;
  startsAt: number;
  coversUntil: number;
  patient: THandoverData["patient"];
  stay: NonNullable<THandoverData["stay"]>;
  /** The support running during the shift, or null: the stay's own values only, no device settings or runs. */
  episode: {
    id: string;
    deviceType: TDeviceType;
    startedAt: number;
    cannulationSite: string | null;
    diagnosis: string | null;
    settings: TEpisodeSettings;
  } | null;
  /** Every lab sample of the stay up to coversUntil, per code, in time order. */
  labs: Partial<Record<TParameterCode, readonly TTimedValue[]>>;
  /** Per setting: the last reading before the shift and the readings during it, in time order. */
  settings: Partial<Record<TParameterCode, { before: TTimedValue | null; during: readonly TTimedValue[] }>>;
  trends: THandoverData["trends"];
  /** The current value of the balloon's pumping and ratio and since when they hold it (null when not measured). */
  runs: { pumping: { value: number; since: number } | null; ratio: { value: number; since: number } | null };
  /** Whether any distal perfusion cannula flow has been recorded for the episode. */
  dpcFlowRecorded: boolean;
  alarms: TAlarmSection;
  rounds: TRoundSection;
}

/** The generated part of a handover sheet, from the shift's data already read (pure: the server reads, this shapes). */
export function buildHandoverData(input: Omit<TBuildHandoverData, never>): Omit<THandoverData, "severity"> {
  const { episode, startsAt, coversUntil } = input;
  const deviceType = episode?.deviceType ?? null;
  const measured = new Set<string>(parametersIn(deviceType).map((p) => p.code));

  const settingCodes = deviceType ? settingCodesFor(deviceType) : [];
  const current = settingCodes.flatMap((code) => {
    const readings = input.settings[code];
    const last = readings?.during.at(-1) ?? readings?.before ?? null;
    return last ? [{ code, value: last.v, observedAt: last.t }] : [];
  });
  const changes = settingCodes
    .flatMap((code) =>
      findSettingChanges(code, input.settings[code]?.before ?? null, input.settings[code]?.during ?? []),
    )
    .sort((a, b) => a.at - b.at);

  const labs = HANDOVER_LABS.filter((code) => measured.has(code)).map((code) =>
    summarizeLab({ code, deviceType, samples: input.labs[code] ?? [], startsAt, coversUntil }),
  );

  const timers: TProtocolTimer[] = [];
  const { pumping, ratio } = input.runs;
  if (pumping && pumping.value === 0)
    timers.push({
      kind: "balloon_stopped",
      since: pumping.since,
      limitAt: pumping.since + CLINICAL_LIMITS.pumpStopped.value,
    });
  if (ratio && (ratio.value > 1 || changes.some((c) => c.code === "iabp_ratio")))
    timers.push({ kind: "ratio_step", ratio: ratio.value, since: ratio.since });
  const femoral = episode?.cannulationSite?.toLowerCase().includes("femoral") ?? false;
  if (episode && episode.deviceType !== "IABP" && femoral && !input.dpcFlowRecorded) {
    timers.push({ kind: "dpc_missing", dueAt: episode.startedAt + CLINICAL_LIMITS.dpcWithin.value });
  }
  for (const lab of labs) {
    if (lab.end && lab.nextDueAt !== null)
      timers.push({ kind: "lab_due", code: lab.code, dueAt: lab.nextDueAt, lastAt: lab.end.observedAt });
  }

  return {
    generatedAt: input.generatedAt,
    coversFrom: startsAt,
    coversUntil,
    patient: input.patient,
    stay: input.stay,
    episode: episode && {
      id: episode.id,
      deviceType: episode.deviceType,
      startedAt: episode.startedAt,
      dayOnSupport: Math.max(1, Math.floor((coversUntil - episode.startedAt) / DAY) + 1),
      cannulationSite: episode.cannulationSite,
      diagnosis: episode.diagnosis,
      trigger: episode.settings.trigger ?? null,
    },
    settings: { current, changes },
    labs,
    trends: input.trends.filter((t) => measured.has(t.code)),
    alarms: input.alarms,
    rounds: input.rounds,
    timers,
  };
}
