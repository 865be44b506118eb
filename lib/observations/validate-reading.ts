import {
  findParameter,
  isSupportDeviceParameter,
  supportKinds,
  type TDeviceType,
  type TParameter,
  type TParameterCode,
} from "@/lib/catalogue";
import { episodeRunningAt } from "@/lib/episodes/episode-running-at";
import { toCatalogueUnit } from "@/lib/units/to-catalogue-unit";
import type { TLabResult } from "./lab-result";
import {
  ZReadingInput,
  type TObservationSource,
  type TReadingInput,
  type TRejection,
  type TRejectionCode,
} from "./reading";

/** What the write path knows of an episode when it checks a reading against it. */
export interface TEpisodeContext {
  readonly id: string;
  /** The stay the episode is an interval of: where its readings belong. */
  readonly stayId: string;
  readonly bedId: string;
  readonly unitId: string;
  readonly deviceType: TDeviceType;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
}

/**
 * What the write path knows of a patient's admitted stay when it checks a reading addressed to the patient (an
 * imported result): its bed, its interval, and its support episodes (any order).
 */
export interface TStayContext {
  readonly id: string;
  readonly bedId: string;
  readonly unitId: string;
  readonly admittedAt: Date;
  readonly dischargedAt: Date | null;
  readonly episodes: readonly TEpisodeContext[];
}

/** A reading that passed every check, in the catalogue's unit, ready to be stored. */
export interface TValidReading {
  /** The support episode running when it was taken; null for a stay-only value (a lab before cannulation). */
  readonly episodeId: string | null;
  readonly stayId: string;
  readonly bedId: string;
  readonly unitId: string;
  readonly parameter: TParameterCode;
  readonly value: number;
  readonly unit: string;
  readonly observedAt: Date;
  readonly source: TObservationSource;
  readonly sourceRef: string;
  readonly lab?: TLabResult;
}

export type TValidation = { ok: true; reading: TValidReading } | { ok: false; rejection: TRejection };

/** Clocks of devices and lab systems drift; a reading a little ahead of ours is not "in the future". */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;

const reject = (code: TRejectionCode, field: string, message: string): { ok: false; rejection: TRejection } => ({
  ok: false,
  rejection: { code, field, message },
});

/**
 * Checks a reading against the catalogue and its episode. Pure: the caller looks the episode up (undefined when the
 * episode does not exist) and passes the clock, so every rule here is unit-tested without a database.
 */
export function validateReading(input: unknown, episode: TEpisodeContext | undefined, now: Date): TValidation {
  const checked = checkReading(input, now);
  if (!checked.ok) return checked;
  const { reading, parameter, value, unit } = checked;
  if (!episode) return reject("UNKNOWN_EPISODE", "episodeId", `no support episode "${reading.episodeId ?? ""}"`);

  const kinds = supportKinds(episode.deviceType);
  if (parameter.sourceKind === "device" && !parameter.supports.some((s) => kinds.includes(s))) {
    return reject(
      "PARAMETER_NOT_FOR_DEVICE",
      "parameter",
      `${parameter.code} is not measured on ${episode.deviceType}`,
    );
  }
  const at = reading.observedAt.getTime();
  if (at < episode.startedAt.getTime() || (episode.endedAt && at > episode.endedAt.getTime())) {
    return reject(
      "OUTSIDE_EPISODE",
      "observedAt",
      `observed at ${reading.observedAt.toISOString()}, outside the episode (${episode.startedAt.toISOString()} – ${episode.endedAt?.toISOString() ?? "ongoing"})`,
    );
  }
  return valid(reading, parameter, value, unit, episode, episode.stayId);
}

/**
 * Checks a reading addressed to a patient (an imported result) against the catalogue and the patient's admitted
 * stay: undefined when the patient is not admitted (NOT_ADMITTED), a time outside the stay (OUTSIDE_STAY). A support
 * device's own parameter (lib/catalogue isSupportDeviceParameter) also needs an episode of a device that measures it
 * running at the reading's time; any other value (labs, limb, nursing) needs only the stay, and is stored with the
 * episode running then, if one was.
 */
export function validateStayReading(input: unknown, stay: TStayContext | undefined, now: Date): TValidation {
  const checked = checkReading(input, now);
  if (!checked.ok) return checked;
  const { reading, parameter, value, unit } = checked;
  if (!stay) return reject("NOT_ADMITTED", "patient", "the patient is not admitted");
  const at = reading.observedAt.getTime();
  if (at < stay.admittedAt.getTime() || (stay.dischargedAt && at > stay.dischargedAt.getTime())) {
    return reject(
      "OUTSIDE_STAY",
      "observedAt",
      `observed at ${reading.observedAt.toISOString()}, outside the stay (admitted ${stay.admittedAt.toISOString()} – ${stay.dischargedAt?.toISOString() ?? "ongoing"})`,
    );
  }
  const episode = episodeRunningAt(stay.episodes, at);
  if (isSupportDeviceParameter(parameter)) {
    if (!episode)
      return reject(
        "UNKNOWN_EPISODE",
        "observedAt",
        `${parameter.code} at ${reading.observedAt.toISOString()}: no support was running`,
      );
    const kinds = supportKinds(episode.deviceType);
    if (!parameter.supports.some((s) => kinds.includes(s)))
      return reject(
        "PARAMETER_NOT_FOR_DEVICE",
        "parameter",
        `${parameter.code} is not measured on ${episode.deviceType}`,
      );
  }
  return valid(
    reading,
    parameter,
    value,
    unit,
    { bedId: stay.bedId, unitId: stay.unitId, id: episode?.id ?? null },
    stay.id,
  );
}

type TChecked =
  | { ok: true; reading: TReadingInput; parameter: TParameter; value: number; unit: string }
  | { ok: false; rejection: TRejection };

function valid(
  reading: TReadingInput,
  parameter: TParameter,
  value: number,
  unit: string,
  where: { readonly id: string | null; readonly bedId: string; readonly unitId: string },
  stayId: string,
): TValidation {
  return {
    ok: true,
    reading: {
      episodeId: where.id,
      stayId,
      bedId: where.bedId,
      unitId: where.unitId,
      parameter: parameter.code,
      value,
      unit,
      observedAt: reading.observedAt,
      source: reading.source,
      sourceRef: reading.sourceRef,
      // Always present (undefined for a device's reading) rather than spread in: one object shape for every reading,
      // built without a copy, a million times in an import.
      lab: reading.lab,
    },
  };
}

/** The checks of a reading on its own: its shape, the catalogue's parameter, unit and plausible range, the clock. */
function checkReading(input: unknown, now: Date): TChecked {
  const parsed = ZReadingInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "reading";
    return reject("INVALID_READING", field, `${field}: ${issue?.message ?? "invalid"}`);
  }
  const reading = parsed.data;
  const parameter = findParameter(reading.parameter);
  if (!parameter) return reject("UNKNOWN_PARAMETER", "parameter", `unknown parameter "${reading.parameter}"`);

  // A cancellation sent without a value (HL7 X) has no unit or number to check: the write path stores the cancelled
  // row's value beside it.
  const withdrawn = reading.lab?.status === "cancelled" && !reading.lab.valueSent;
  const unit = withdrawn
    ? { ok: true as const, value: reading.value, unit: parameter.unit, convertedFrom: undefined }
    : toCatalogueUnit(parameter, reading.value, reading.unit);
  if (!unit.ok) return reject("UNIT_NOT_ACCEPTED", "unit", unit.message);

  const { min, max } = parameter.plausible;
  if (!withdrawn && (unit.value < min || unit.value > max)) {
    const shown = unit.convertedFrom
      ? `${reading.value} ${unit.convertedFrom} (= ${unit.value} ${unit.unit})`
      : `${unit.value} ${unit.unit}`;
    return reject(
      "IMPLAUSIBLE_VALUE",
      "value",
      `${parameter.code} ${shown} is outside the plausible range ${min}–${max} ${parameter.unit}`,
    );
  }
  if (parameter.allowedValues && !parameter.allowedValues.includes(unit.value)) {
    return reject(
      "NOT_ALLOWED_VALUE",
      "value",
      `${parameter.code} ${unit.value} is not one of ${parameter.allowedValues.join(", ")}`,
    );
  }
  if (reading.observedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return reject(
      "FUTURE_TIME",
      "observedAt",
      `observed at ${reading.observedAt.toISOString()}, later than now (${now.toISOString()})`,
    );
  }
  return { ok: true, reading, parameter, value: unit.value, unit: unit.unit };
}
