import { hashKey, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import { mergeBedDetail } from "@/lib/bed/merge-bed-detail";
import { appendToSeries } from "@/lib/bed/merge-series";
import type { TBedTrends, TParameterSeries } from "@/lib/bed/series";
import { liveSpanMs, ZTrendRange } from "@/lib/bed/trend-ranges";
import { ZObservationDto } from "@/lib/observations/observation";
import { REPLAY_PAGE_SIZE, rooms, type TBedSubscribe } from "@/lib/realtime/events";
import { createReplayFollower } from "./create-replay-follower";
import { bedKeys } from "./query-keys";
import type { TRoomTransport } from "./socket-transport";

const REPLAY_RETRY_MS = 3_000;
/** Beyond this many held readings the replay starts over rather than hold more in memory. */
const MAX_BUFFERED = REPLAY_PAGE_SIZE * 4;
/**
 * Readings applied in the last minutes, kept for series that are still being fetched: one broadcast between the
 * moment the server read a series' lastSeq and the moment the answer lands would otherwise be missing from it.
 */
const RECENT_MS = 2 * 60_000;
const MAX_RECENT = 2_000;

const ZReadings = z.array(
  ZObservationDto.pick({
    seq: true,
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
type TReading = z.infer<typeof ZReadings>[number];

export type TBedTransport = TRoomTransport<TBedSubscribe>;

/** How a cached series follows the live edge, read from its own key (fixed windows do not move). */
function followOf(queryKey: readonly unknown[]): { spanMs: number | null } | null {
  const window = bedKeys.windowOf(queryKey);
  if (!window || window.kind !== "live") return null;
  const range = ZTrendRange.safeParse(window.range);
  return range.success ? { spanMs: liveSpanMs(range.data) } : null;
}

/** A cached series, or a batch of them (the trends of one window): live readings extend each. */
type TCachedSeries = TParameterSeries | TBedTrends;

function extend(
  cached: TCachedSeries | undefined,
  readings: readonly TReading[],
  follow: { spanMs: number | null },
): TCachedSeries | undefined {
  if (!cached) return cached;
  if (!("series" in cached)) return appendToSeries(cached, readings, follow);
  const series = cached.series.map((one) => appendToSeries(one, readings, follow));
  return series.every((one, i) => one === cached.series[i]) ? cached : { series };
}

export interface TStartBedSyncOptions {
  readonly bedId: string;
  readonly queryClient: QueryClient;
  readonly transport: TBedTransport;
  readonly onCatchUpResult?: (failed: boolean) => void;
  readonly retryMs?: number;
}

/**
 * Keeps a bed's cached detail and every cached series of it current, the way the station's sync keeps a unit: on
 * each connection (and each new detail) it replays every reading after the detail's lastSeq, page after page,
 * holding live readings until the replay is done; then live readings go straight in. Readings update the caches
 * with setQueryData: appended to each series, merged into the detail, never a refetch of a whole range. A reading
 * of a new episode refetches the detail (a new patient). Returns the function that stops it.
 */
export function startBedSync({
  bedId,
  queryClient,
  transport,
  onCatchUpResult,
  retryMs = REPLAY_RETRY_MS,
}: TStartBedSyncOptions): () => void {
  const detailKey = bedKeys.detail(bedId);
  const detailHash = hashKey(detailKey);
  const read = () => queryClient.getQueryData<TBedDetail>(detailKey);

  let seenServerTime = read()?.serverTime;
  let recent: TReading[] = [];

  const remember = (readings: readonly TReading[]) => {
    const newest = Math.max(...readings.map((r) => r.observedAt), ...recent.map((r) => r.observedAt));
    recent = [...recent, ...readings].filter((r) => r.observedAt >= newest - RECENT_MS).slice(-MAX_RECENT);
  };

  const catchUpSeries = (queryKey: readonly unknown[]) => {
    const follow = followOf(queryKey);
    if (!follow || recent.length === 0) return;
    queryClient.setQueryData<TCachedSeries>(queryKey, (cached) => extend(cached, recent, follow));
  };

  const apply = (readings: readonly TReading[]) => {
    const all = readings.filter((r) => r.bedId === bedId);
    if (all.length === 0) return;
    // A cancelled laboratory result is no value to draw; a reading that replaces another (a correction, a
    // cancellation) makes the bed's detail and trends be read again, so that the replaced value leaves them.
    const mine = all.filter((r) => r.status !== "cancelled");
    const replacing = all.some((r) => r.replaces !== undefined);
    remember(mine);
    let refresh = false;
    queryClient.setQueryData<TBedDetail>(detailKey, (current) => {
      if (!current) return current;
      const merged = mergeBedDetail(current, all);
      refresh ||= merged.newEpisode || replacing;
      return merged.detail;
    });
    for (const query of queryClient.getQueryCache().findAll({ queryKey: bedKeys.seriesOf(bedId) })) {
      const follow = followOf(query.queryKey);
      if (!follow) continue;
      queryClient.setQueryData<TCachedSeries>(query.queryKey, (cached) => extend(cached, mine, follow));
    }
    if (refresh) void queryClient.refetchQueries({ queryKey: detailKey, exact: true }, { cancelRefetch: false });
    if (replacing) void queryClient.invalidateQueries({ queryKey: bedKeys.seriesOf(bedId) });
  };

  const follower = createReplayFollower<TReading>({
    read,
    subscribe: (sinceSeq) => transport.subscribe({ bedId, sinceSeq }),
    isConnected: () => transport.isConnected(),
    parse: (observations) => ZReadings.parse(observations),
    apply,
    onCatchUpResult,
    retryMs,
    maxBuffered: MAX_BUFFERED,
  });

  const stopRecorded = transport.onRecorded((payload) => {
    const parsed = ZReadings.safeParse(payload.observations);
    if (!parsed.success) void follower.sync();
    else follower.live(parsed.data.filter((r) => r.bedId === bedId));
  });
  const stopConnect = transport.onConnect(() => void follower.sync());
  const stopDisconnect = transport.onDisconnect(() => follower.disconnected());
  const seriesPrefix = hashKey(bedKeys.seriesOf(bedId)).slice(0, -1);
  const stopCache = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated") return;
    // A series answer just landed (not one of our own setQueryData): give it the readings it may have missed.
    if (event.action.type === "success" && !event.action.manual && event.query.queryHash.startsWith(seriesPrefix)) {
      catchUpSeries(event.query.queryKey as readonly unknown[]);
      return;
    }
    if (event.query.queryHash !== detailHash) return;
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
    stopConnect();
    stopDisconnect();
    if (transport.isConnected()) transport.leave(rooms.bed(bedId));
  };
}
