import type { TAuditFilter } from "./audit-filter";

/**
 * react-query keys, built only here so that a fetch, a live update and an invalidation always name the same entry.
 * Each factory starts with its entity so that `stationKeys.all` invalidates every station.
 */
export const stationKeys = {
  all: ["station"] as const,
  snapshot: (unitId: string) => [...stationKeys.all, "snapshot", unitId] as const,
};

/**
 * The bed view: its detail, and one series per parameter and window. `series(bedId)` without the rest names every
 * series of the bed, which is how a live reading reaches all of them with one setQueriesData.
 */
export const bedKeys = {
  all: ["bed"] as const,
  detail: (bedId: string) => [...bedKeys.all, bedId, "detail"] as const,
  seriesOf: (bedId: string) => [...bedKeys.all, bedId, "series"] as const,
  series: (bedId: string, parameter: string, window: TSeriesWindowKey, width: number) =>
    [...bedKeys.seriesOf(bedId), parameter, window, width] as const,
  /** Several parameters' series over one window, fetched together (GET /api/beds/:bedId/trends). */
  trends: (bedId: string, window: TSeriesWindowKey, width: number) =>
    [...bedKeys.seriesOf(bedId), "batch", window, width] as const,
  /** Alarms raised and rounds signed over one window (GET /api/beds/:bedId/trend-events); `eventsOf` names them all. */
  eventsOf: (bedId: string) => [...bedKeys.all, bedId, "events"] as const,
  events: (bedId: string, window: TSeriesWindowKey) => [...bedKeys.eventsOf(bedId), window] as const,
  /** The window of a key built by `series` or `trends`, read back by the live sync to know whether it follows. */
  windowOf: (queryKey: readonly unknown[]): TSeriesWindowKey | undefined => {
    const window = queryKey[4];
    return typeof window === "object" && window !== null && "kind" in window ? (window as TSeriesWindowKey) : undefined;
  },
};

/** A live window by its range name (it slides), a fixed one by its bounds. */
export type TSeriesWindowKey =
  | { readonly kind: "live"; readonly range: string }
  | { readonly kind: "fixed"; readonly from: number; readonly to: number };

/** Import jobs: the history list of the import page. */
export const importKeys = {
  all: ["import"] as const,
  history: () => [...importKeys.all, "history"] as const,
};

/** The administration pages: accounts, wall screens, and the audit trail per filter (paged by its cursor). */
export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  displays: () => [...adminKeys.all, "displays"] as const,
  auditOf: () => [...adminKeys.all, "audit"] as const,
  audit: (filter: TAuditFilter) => [...adminKeys.auditOf(), filter] as const,
  shiftPattern: (unitId: string) => [...adminKeys.all, "shift-pattern", unitId] as const,
  pointsOfCare: (unitId: string) => [...adminKeys.all, "points-of-care", unitId] as const,
};

/** Handover: a bed's sheet per shift (undefined: the running one), a bed's past shifts, a unit's page per shift. */
export const handoverKeys = {
  all: ["handover"] as const,
  sheetsOf: (bedId: string) => [...handoverKeys.all, "bed", bedId] as const,
  sheet: (bedId: string, shiftKey: string | undefined) =>
    [...handoverKeys.sheetsOf(bedId), "sheet", shiftKey ?? "current"] as const,
  history: (bedId: string) => [...handoverKeys.sheetsOf(bedId), "history"] as const,
  unitOf: (unitId: string) => [...handoverKeys.all, "unit", unitId] as const,
  unit: (unitId: string, shiftKey: string | undefined) =>
    [...handoverKeys.unitOf(unitId), shiftKey ?? "current"] as const,
};

/** Alarms: a unit's open list (snapshot + replay + live), its burden per shift, and a bed's history. */
export const alarmKeys = {
  all: ["alarms"] as const,
  unit: (unitId: string) => [...alarmKeys.all, "unit", unitId] as const,
  burden: (unitId: string) => [...alarmKeys.all, "burden", unitId] as const,
  history: (bedId: string) => [...alarmKeys.all, "history", bedId] as const,
  limits: (unitId: string) => [...alarmKeys.all, "limits", unitId] as const,
};

/** Nurse rounds: a unit's round status (rounds page, station tiles), a bed's form context and history, checklists. */
export const roundKeys = {
  all: ["rounds"] as const,
  unit: (unitId: string) => [...roundKeys.all, "unit", unitId] as const,
  bedContext: (bedId: string) => [...roundKeys.all, "bed", bedId, "context"] as const,
  bedHistory: (bedId: string) => [...roundKeys.all, "bed", bedId, "history"] as const,
  templates: () => [...roundKeys.all, "templates"] as const,
};

/** Protocol timers: a unit's running plans (tiles, rounds, handover) and a bed's panel. */
export const protocolKeys = {
  all: ["protocols"] as const,
  unit: (unitId: string) => [...protocolKeys.all, "unit", unitId] as const,
  bed: (bedId: string) => [...protocolKeys.all, "bed", bedId] as const,
};

/** A bed's stay (its patient, running support, the unit's free beds). */
export const stayKeys = {
  all: ["stay"] as const,
  bed: (bedId: string) => [...stayKeys.all, "bed", bedId] as const,
};
