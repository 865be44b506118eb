import { z } from "zod";

/*
 * Why the station refused an operation, as a key of the `refusals` message catalogue and its values
 * (lib/i18n/messages/refusals.{en,fr}.json), so that a screen says it in its reader's language. The table below is
 * the one list of keys and of each key's values: `refusal()` is typed by it (a misspelt key or a missing value fails
 * tsc) and refusal.test.ts checks that both catalogue files hold every key with exactly these values.
 *
 * A value is plain: "text" (a bed label, a shift's name, an MRN), or "time" (an instant sent as ISO 8601, which the
 * screen writes in its reader's locale and the unit's zone; never a date formatted by the server in English).
 */
export const REFUSAL_PARAMS = {
  // Beds, units, shifts: what the screen asked for is not (or no longer) there.
  bedNotFound: {},
  bedNoSupport: {},
  bedEmpty: {},
  unitNotFound: {},
  shiftNotFound: {},
  shiftNotBegun: { shift: "text" },
  // Stays (admission, move, discharge, patient) and support (start, settings, end).
  stayNotFound: {},
  bedOccupiedAdmit: { bed: "text" },
  bedOccupiedMove: { bed: "text" },
  bedNotInUnit: {},
  bedHasNoPatient: { bed: "text" },
  bedHasNoSupportRunning: { bed: "text" },
  patientAlreadyInBed: { bed: "text" },
  patientAlreadyAdmitted: { bed: "text" },
  mrnOtherIdentity: { mrn: "text" },
  noAdmittedPatient: { mrn: "text" },
  noPatient: { mrn: "text" },
  birthDateInFuture: {},
  timeInFuture: {},
  stayDischargedNoMove: {},
  moveBeforeAdmission: { admittedAt: "time" },
  stayAlreadyDischarged: {},
  dischargeBeforeAdmission: { admittedAt: "time" },
  dischargeSupportRunning: {},
  dischargeBeforeSupport: { startedAt: "time" },
  supportNotFound: {},
  supportStartDischarged: {},
  supportAlreadyRunning: {},
  supportStartBeforeAdmission: { admittedAt: "time" },
  supportSettingsEnded: {},
  supportAlreadyEnded: {},
  supportEndBeforeStart: { startedAt: "time" },
  settingsBeforeLast: { lastAt: "time" },
  // Administration: accounts, wall screens, shift patterns, points of care.
  usernameTaken: { username: "text" },
  unknownUnits: { units: "text" },
  userNotFound: {},
  ownAdminRights: {},
  displayNotFound: {},
  displayRevoked: {},
  pointOfCareTaken: { code: "text", unit: "text" },
  // Handover.
  handoverNoPatientDuringShift: { bed: "text" },
  handoverNoPatient: {},
  handoverNothingYet: { shift: "text" },
  handoverSigned: {},
  handoverStale: {},
  handoverAmendUnsigned: {},
  handoverNoActionList: { bed: "text" },
  handoverActionNotFound: {},
  handoverActionDone: {},
  handoverActionDoneMeanwhile: {},
  handoverNotSignedOut: {},
  handoverAlreadyReceived: {},
  handoverReceivedMeanwhile: {},
  handoverReceiveOwn: {},
  // Rounds.
  roundNoPatient: { bed: "text" },
  roundNoChecklist: { device: "text" },
  roundSignNoPatient: { bed: "text" },
  roundOtherPatient: { bed: "text" },
  roundChecklistMismatch: { device: "text" },
  roundIncomplete: {},
  roundOtherBed: {},
  roundNotFound: {},
  roundItemUnknown: {},
  roundAmendUnchanged: {},
  // Protocol timers.
  protocolNotFound: {},
  protocolUnknown: {},
  protocolEnded: { status: "text" },
  protocolStepsClosed: { status: "text" },
  protocolBedChanged: { bed: "text" },
  protocolNotForSupport: {},
  protocolAlreadyRunning: { bed: "text" },
  protocolStartBeforeSupport: {},
  stepBeforeClock: {},
  stepUnknown: {},
  stepAlreadyDone: {},
  stepWaiting: {},
  stepTooEarly: {},
  stepBeforePrevious: {},
  stepFindingRequired: {},
  stepFindingNotAsked: {},
  stepFindingCommentRequired: {},
  // Alarms.
  alarmNotFound: {},
  alarmEnded: {},
  alarmAlreadyAcknowledged: {},
  alarmLimitsEnded: {},
  alarmNoOverride: {},
  // Laboratory results, scores.
  labResultNotFound: {},
  labResultDealtWith: {},
  scoreNoSupport: {},
  saveScoreVaOnly: {},
  // Access.
  forbiddenRole: {},
  forbiddenUnit: {},
} as const satisfies Record<string, Record<string, "text" | "time">>;

export type TRefusalKey = keyof typeof REFUSAL_PARAMS;
type TParamKinds<K extends TRefusalKey> = (typeof REFUSAL_PARAMS)[K];
/** A key's values as an operation gives them: text as a string or number, a time as a Date. */
export type TRefusalValues<K extends TRefusalKey> = {
  [P in keyof TParamKinds<K>]: TParamKinds<K>[P] extends "time" ? Date : string | number;
};

/** On the wire (the HTTP error body's `reason`, a socket command's refusal). */
export const ZRefusal = z.object({
  key: z.string().min(1).max(80),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TRefusal = z.infer<typeof ZRefusal>;

export const isRefusalKey = (key: string): key is TRefusalKey => Object.hasOwn(REFUSAL_PARAMS, key);

/** A refusal for `AppError`: `refusal("bedOccupiedMove", { bed: "02" })`; times travel as ISO 8601. */
export function refusal<K extends TRefusalKey>(
  key: K,
  ...[values]: keyof TParamKinds<K> extends never ? [] : [TRefusalValues<K>]
): TRefusal {
  if (!values) return { key };
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values as Record<string, string | number | Date>))
    params[name] = value instanceof Date ? value.toISOString() : value;
  return { key, params };
}
