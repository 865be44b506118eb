/**
 * react-query keys, built only here so that a fetch, a live update and an invalidation always name the same entry.
 * Each factory starts with its entity so that `stationKeys.all` invalidates every station.
 */
export const stationKeys = {
  all: ["station"] as const,
  snapshot: (unitId: string) => [...stationKeys.all, "snapshot", unitId] as const,
};
