import type { TRole } from "./roles";

/**
 * The one role × action matrix. The server refuses what a role may not do (lib/db/auth/authorize.ts, the socket,
 * the node routes); the screens read the same table to hide what the role cannot use. Access to a unit's data also
 * needs membership of that unit (lib/auth/principal.ts: canAccessUnit).
 *
 * The alarm, threshold, checklist and handover actions are the clinical actions of the alarm, rounds and handover
 * work: listed here so that those features start from one agreed answer to "who may".
 */
export const PERMISSIONS = {
  /** The central station of a unit. */
  "station.view": ["nurse", "physician", "perfusionist", "admin", "display"],
  /** One bed's detail, trends and scores. A wall screen shows the unit, not a bed's detail. */
  "bed.view": ["nurse", "physician", "perfusionist", "admin"],
  /** Record score inputs (SAVE at cannulation). */
  "score.record": ["physician", "perfusionist"],
  "alarm.acknowledge": ["nurse", "physician", "perfusionist"],
  "alarm.pause-audio": ["nurse", "physician", "perfusionist"],
  "threshold.change": ["physician", "perfusionist"],
  "checklist.sign": ["nurse", "perfusionist"],
  /**
   * Start a protocol timer on a bed (IABP weaning, DPC after cannulation, helium check), sign its steps, cancel it
   * with a reason: the bedside staff who carry the protocol out (docs/clinical-reference.md §6).
   */
  "protocol.run": ["nurse", "physician", "perfusionist"],
  "handover.sign": ["nurse", "physician"],
  /** See import jobs and their rejection reports. */
  "import.view": ["physician", "admin"],
  /** Import files (HL7 v2, FHIR, CSV, MIMIC) and post FHIR resources. */
  "import.run": ["admin"],
  /** Cut or restore a simulated bed's feed (demo mode only). */
  "simulator.control": ["admin"],
  "user.manage": ["admin"],
  "display.manage": ["admin"],
  "audit.view": ["admin"],
  /** Read handover sheets (current and past shifts), the unit handover page, print them. */
  "handover.view": ["nurse", "physician", "perfusionist"],
  /** Write a sheet's draft, its action list, and amend a signed sheet (with a reason). */
  "handover.edit": ["nurse", "physician"],
  /** A unit's shift pattern (start times of its shifts). */
  "shift.configure": ["admin"],
  /** A unit's ADT point-of-care codes (HL7 PV1-3.1 → this unit; docs/imports.md). */
  "unit.configure": ["admin"],
  /** Publish a new version of a nurse-round checklist (docs/rounds.md). */
  "checklist.publish": ["admin"],
  /** Admit a patient to a free bed, move them to another bed, discharge them (issue 15). */
  "stay.manage": ["nurse", "physician"],
  /** Read the archive of discharged stays, search it, print a stay. */
  "stay.view": ["nurse", "physician", "perfusionist"],
  /** Start or end a support episode (VA-ECMO, IABP) on the bed page: a physician's decision. */
  "episode.manage": ["physician"],
  /** Record a change of the device settings of a running episode (flow, RPM, sweep, ratio, heparin rate). */
  "episode.settings": ["physician", "perfusionist", "nurse"],
} as const satisfies Record<string, readonly TRole[]>;

export type TAction = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as TAction[];

export function can(role: TRole, action: TAction): boolean {
  return (PERMISSIONS[action] as readonly TRole[]).includes(role);
}

/**
 * A role that may see a unit but no bed's record (a wall display): what it is sent carries no staff name and no free
 * text a clinician typed (acknowledgement comments, limit reasons, round comments), only initials, values and states.
 */
export function isKioskRole(role: TRole): boolean {
  return can(role, "station.view") && !can(role, "bed.view");
}
