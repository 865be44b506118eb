/**
 * The zone the screens print times in outside a unit's own screens (imports, accounts, audit): STATION_TIME_ZONE,
 * which server/env.ts validates at start-up (default Europe/Paris, the demo unit's), else the server's own zone. A
 * server's zone is often UTC, which printed the administration's times an hour or two off the ward's clocks.
 */
export function stationTimeZone(): string {
  return process.env.STATION_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
