import { hashKey, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ZObservationDto } from "@/lib/observations/observation";
import { rooms, type TUnitSubscribe } from "@/lib/realtime/events";
import { mergeObservations, type TLiveStation, type TMergeableObservation } from "@/lib/station/merge-observations";
import { needsSnapshotRefresh } from "@/lib/station/needs-snapshot-refresh";
import { createReplayFollower } from "./create-replay-follower";
import { stationKeys } from "./query-keys";
import type { TRoomTransport } from "./socket-transport";

export const REPLAY_RETRY_MS = 3_000;
/**
 * Live readings held while a replay runs. Beyond this the buffer is dropped and the replay asked again: every held
 * reading is later than the cache's lastSeq, so the server still has them all.
 */
export const MAX_BUFFERED = 20_000;

/**
 * Readings are parsed for the fields merging reads and no more: a server that trims or adds fields of a broadcast
 * must not silently freeze the wall. What does not parse is fetched again from the database (a replay).
 */
const ZObservations = z.array(
  // A laboratory result's status, comparator and the reading it replaces are kept: the tile says CORRECTED, and a
  // replacing reading makes the station read its snapshot again.
  ZObservationDto.pick({
    seq: true,
    stayId: true,
    episodeId: true,
    bedId: true,
    parameter: true,
    value: true,
    observedAt: true,
    status: true,
    comparator: true,
    replaces: true,
  }),
);

export type TStationTransport = TRoomTransport<TUnitSubscribe>;

export interface TStartStationSyncOptions {
  readonly unitId: string;
  readonly queryClient: QueryClient;
  readonly transport: TStationTransport;
  /** Told after every catch-up whether it failed: the screen may then lack readings until a retry succeeds. */
  readonly onCatchUpResult?: (failed: boolean) => void;
  readonly retryMs?: number;
}

/**
 * Keeps the cached station of a unit current. On every connection, and whenever a new snapshot lands in the cache,
 * it asks for every reading after the cache's lastSeq (page after page) and merges them; live readings that arrive
 * meanwhile are held and merged after, so none falls between the replay and the live stream. Merging is
 * idempotent, so a reading that comes both ways is applied once. Returns the function that stops it.
 */
export function startStationSync({
  unitId,
  queryClient,
  transport,
  onCatchUpResult,
  retryMs = REPLAY_RETRY_MS,
}: TStartStationSyncOptions): () => void {
  const queryKey = stationKeys.snapshot(unitId);
  const queryHash = hashKey(queryKey);
  const read = () => queryClient.getQueryData<TLiveStation>(queryKey);

  let seenServerTime = read()?.serverTime;

  const apply = (observations: readonly TMergeableObservation[]) => {
    if (observations.length === 0) return;
    let refresh = false;
    queryClient.setQueryData<TLiveStation>(queryKey, (current) => {
      if (!current) return current;
      // A laboratory result that replaces another (corrected, cancelled): the replaced value must leave the tile, and
      // only the server knows what is current once it has gone.
      refresh ||= needsSnapshotRefresh(current, observations) || observations.some((o) => o.replaces !== undefined);
      return mergeObservations(current, observations);
    });
    // A new episode in a bed: read the snapshot again (without cancelling a read already under way).
    if (refresh) void queryClient.refetchQueries({ queryKey, exact: true }, { cancelRefetch: false });
  };

  const follower = createReplayFollower<TMergeableObservation>({
    read,
    subscribe: (sinceSeq) => transport.subscribe({ unitId, sinceSeq }),
    isConnected: () => transport.isConnected(),
    parse: (observations) => ZObservations.parse(observations),
    apply,
    onCatchUpResult,
    retryMs,
    maxBuffered: MAX_BUFFERED,
  });

  const stopRecorded = transport.onRecorded((payload) => {
    if (payload.unitId !== unitId) return;
    const parsed = ZObservations.safeParse(payload.observations);
    // The readings are in the database: ask for them rather than show a screen that silently stopped.
    if (!parsed.success) void follower.sync();
    else follower.live(parsed.data);
  });

  // A unit's room on a server that says it sent more than this screen applied: a message was lost, replay it.
  const stopHeartbeat = transport.onHeartbeat((units) => {
    const told = units[unitId];
    if (told !== undefined) follower.told(told);
  });

  const stopConnect = transport.onConnect(() => void follower.sync());
  // Readings missed while disconnected come by replay; until it has run, nothing live is applied.
  const stopDisconnect = transport.onDisconnect(() => follower.disconnected());

  // A snapshot read (the first one, or a refresh) means a replay from its lastSeq.
  const stopCache = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.query.queryHash !== queryHash) return;
    const serverTime = read()?.serverTime;
    if (serverTime === undefined || serverTime === seenServerTime) return;
    seenServerTime = serverTime;
    void follower.sync();
  });

  if (transport.isConnected()) void follower.sync();

  return () => {
    follower.dispose();
    stopCache();
    stopRecorded();
    stopHeartbeat();
    stopConnect();
    stopDisconnect();
    // The server keeps a socket in a room until told; a screen that moved to another unit stops receiving this one.
    if (transport.isConnected()) transport.leave(rooms.unit(unitId));
  };
}
