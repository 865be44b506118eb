import { formatLocation, type TImportRecord, type TImportRejection } from "@/lib/imports/import-record";
import type { TRejection } from "@/lib/observations/reading";
import type { TEpisodeContext } from "@/lib/observations/validate-reading";
import type { TPatientEpisodes } from "./find-patient-episodes";

/** The write path's rejection in the source's own words: its field names, the value as sent. */
export function toImportRejection(
  record: TImportRecord,
  rejection: TRejection,
  patient: TPatientEpisodes | undefined,
  episode: TEpisodeContext | undefined,
): TImportRejection {
  const location = formatLocation(record.location);
  const { fields } = record;
  switch (rejection.code) {
    case "UNKNOWN_EPISODE": {
      const ids = record.patientIdentifiers.join('", "');
      if (!patient)
        return {
          location,
          field: fields.patient,
          value: record.patientIdentifiers.join(" / "),
          code: "UNKNOWN_PATIENT",
          reason: `unknown patient: no patient with identifier "${ids}"`,
        };
      const last = patient.episodes[0];
      const ended = last?.endedAt ? ` (the last one ended at ${last.endedAt.toISOString()})` : "";
      return {
        location,
        field: fields.patient,
        value: patient.identifier,
        code: "NO_ACTIVE_EPISODE",
        reason: `patient "${patient.identifier}" has no active support episode${ended}`,
      };
    }
    case "OUTSIDE_EPISODE":
      return {
        location,
        field: fields.time,
        value: record.timeText,
        code: rejection.code,
        reason: episode
          ? `${rejection.message}; the patient's active episode began at ${episode.startedAt.toISOString()}`
          : rejection.message,
      };
    case "UNIT_NOT_ACCEPTED":
      return { location, field: fields.unit, value: record.unit, code: rejection.code, reason: rejection.message };
    case "IMPLAUSIBLE_VALUE":
    case "NOT_ALLOWED_VALUE":
    case "INVALID_READING":
      return {
        location,
        field: fields.value,
        value: `${record.valueText} ${record.unit}`.trim(),
        code: rejection.code,
        reason: rejection.message,
      };
    case "FUTURE_TIME":
      return {
        location,
        field: fields.time,
        value: record.timeText,
        code: rejection.code,
        reason: `a time in the future: ${rejection.message}`,
      };
    default:
      return {
        location,
        field: fields.code,
        value: record.codings[0]?.code ?? record.parameterCode ?? "",
        code: rejection.code,
        reason: rejection.message,
      };
  }
}
