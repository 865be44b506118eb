import type { TMergeableObservation } from "./merge-observations";
import type { TStationSnapshot } from "./snapshot";

/**
 * True when a reading shows that the snapshot no longer describes who lies in a bed: it belongs to a bed the
 * station shows, to an episode the snapshot does not know, and was taken after the bed's known episode began (an
 * admission since the snapshot). A previous patient's lab that arrives late is older than the current episode and
 * does not ask for a refresh, or every such lab would reload the station.
 */
export function needsSnapshotRefresh(
  snapshot: TStationSnapshot,
  observations: readonly TMergeableObservation[],
): boolean {
  const beds = new Map(snapshot.beds.map((bed) => [bed.bedId, bed]));
  return observations.some((observation) => {
    const bed = beds.get(observation.bedId);
    if (!bed || bed.episode?.id === observation.episodeId) return false;
    return bed.episode === null || observation.observedAt >= bed.episode.startedAt;
  });
}
