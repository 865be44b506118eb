import { formatLocation, type TImportRecord, type TImportRejection } from "@/lib/imports/import-record";
import type { TRejection } from "@/lib/observations/reading";
import type { TPatientStay } from "./find-patient-stays";

/** The write path's rejection in the source's own words: its field names, the value as sent. */
export function toImportRejection(
  record: TImportRecord,
  rejection: TRejection,
  patient: TPatientStay | undefined,
): TImportRejection {
  const location = formatLocation(record.location);
  const { fields } = record;
  switch (rejection.code) {
    case "NOT_ADMITTED": {
      const ids = record.patientIdentifiers.join('", "');
      if (!patient)
        return {
          location,
          field: fields.patient,
          value: record.patientIdentifiers.join(" / "),
          code: "UNKNOWN_PATIENT",
          reason: `unknown patient: no patient with identifier "${ids}"`,
        };
      return {
        location,
        field: fields.patient,
        value: patient.identifier,
        code: "NOT_ADMITTED",
        reason: `patient "${patient.identifier}" is not admitted: admit the patient (or send the ADT admission) first`,
      };
    }
    // A support device's own parameter with no support of that device running at its time.
    case "UNKNOWN_EPISODE": {
      const last = patient?.stay?.episodes[0];
      const ended = last?.endedAt ? ` (the last one ended at ${last.endedAt.toISOString()})` : "";
      return {
        location,
        field: fields.time,
        value: record.timeText,
        code: "NO_ACTIVE_EPISODE",
        reason: `${rejection.message}: patient "${patient?.identifier ?? ""}" had no support running then${ended}`,
      };
    }
    case "OUTSIDE_STAY":
      return {
        location,
        field: fields.time,
        value: record.timeText,
        code: rejection.code,
        reason: patient?.stay
          ? `${rejection.message}; the patient was admitted at ${patient.stay.admittedAt.toISOString()}`
          : rejection.message,
      };
    case "OUTSIDE_EPISODE":
      return { location, field: fields.time, value: record.timeText, code: rejection.code, reason: rejection.message };
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
