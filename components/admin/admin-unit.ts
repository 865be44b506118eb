/** A unit as the admin pages offer it (from listUnits on the server, passed in by the page). */
export interface TAdminUnit {
  readonly id: string;
  readonly name: string;
}

/** A unit's name for a table cell; an id no longer known shows as itself rather than disappearing. */
export function unitName(units: readonly TAdminUnit[], unitId: string): string {
  return units.find((unit) => unit.id === unitId)?.name ?? unitId;
}
