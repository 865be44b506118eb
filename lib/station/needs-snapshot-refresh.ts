import type { TMergeableObservation } from "./merge-observations";
import type { TStationSnapshot } from "./snapshot";

/**
 * True when a reading shows that the snapshot no longer describes a bed: it belongs to a bed the station shows, and
 * to a stay the snapshot does not know, taken after the bed's known stay began (an admission since the snapshot), or
 * to a support episode of the bed's stay the snapshot does not know, taken after the known one began (support started
 * since). A previous patient's lab that arrives late is older than the current stay and does not ask for a refresh,
 * or every such lab would reload the station.
 */
export function needsSnapshotRefresh(
  snapshot: TStationSnapshot,
  observations: readonly TMergeableObservation[],
): boolean {
  const beds = new Map(snapshot.beds.map((bed) => [bed.bedId, bed]));
  return observations.some((observation) => {
    const bed = beds.get(observation.bedId);
    if (!bed) return false;
    if (bed.stay?.id !== observation.stayId) return bed.stay === null || observation.observedAt >= bed.stay.admittedAt;
    if (observation.episodeId === null || bed.episode?.id === observation.episodeId) return false;
    return observation.observedAt >= (bed.episode?.startedAt ?? bed.stay.admittedAt);
  });
}
