import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { TBedDetail } from "@/lib/bed/bed-detail";
import type { TParameterSeries } from "@/lib/bed/series";
import { bedDetailFixture } from "@/lib/bed/testing";
import type { TBedSubscribe, TReplayAnswer } from "@/lib/realtime/events";
import { startBedSync, type TBedTransport } from "./bed-sync";
import { bedKeys } from "./query-keys";

const T0 = Date.UTC(2025, 0, 6, 8);
const S = 1_000;

const reading = (seq: number, parameter: string, value: number, atS: number, bedId = "b1") => ({
  seq,
  stayId: "s1",
  episodeId: "e1",
  bedId,
  parameter,
  value,
  observedAt: T0 + atS * S,
  source: "simulator" as const,
});

class FakeTransport implements TBedTransport {
  connected = false;
  pending: { payload: TBedSubscribe; resolve: (a: TReplayAnswer) => void }[] = [];
  left: string[] = [];
  private recorded = new Set<(payload: { unitId: string; observations: unknown }) => void>();
  private connects = new Set<() => void>();
  isConnected = () => this.connected;
  subscribe = (payload: TBedSubscribe) =>
    new Promise<TReplayAnswer>((resolve) => this.pending.push({ payload, resolve }));
  leave = (room: string) => void this.left.push(room);
  onRecorded = (listener: (payload: { unitId: string; observations: unknown }) => void) => {
    this.recorded.add(listener);
    return () => void this.recorded.delete(listener);
  };
  onConnect = (listener: () => void) => {
    this.connects.add(listener);
    return () => void this.connects.delete(listener);
  };
  onDisconnect = () => () => undefined;
  onHeartbeat = () => () => undefined;
  connect() {
    this.connected = true;
    for (const listener of this.connects) listener();
  }
  broadcast(observations: unknown[]) {
    for (const listener of this.recorded) listener({ unitId: "unit-1", observations });
  }
  async answer(observations: unknown[], more = false) {
    const next = this.pending.shift();
    if (!next) throw new Error("no subscribe pending");
    next.resolve({ ok: true, observations: observations as never, more });
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    return next.payload;
  }
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function series(parameter: string, lastSeq: number): TParameterSeries {
  return {
    bedId: "b1",
    episodeId: "e1",
    parameter: parameter as "hr",
    from: T0,
    to: T0 + 60 * S,
    width: 100,
    bucketMs: 600,
    maxGapMs: 300_000,
    lastSeq,
    points: [{ t: T0 + 60 * S, v: 80 }],
  };
}

function setup() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(bedKeys.detail("b1"), bedDetailFixture({ startedAt: T0, lastSeq: 100 }));
  const live = bedKeys.series("b1", "hr", { kind: "live", range: "6h" }, 100);
  const fixed = bedKeys.series("b1", "hr", { kind: "fixed", from: T0, to: T0 + 60 * S }, 100);
  queryClient.setQueryData(live, series("hr", 100));
  queryClient.setQueryData(fixed, series("hr", 100));
  const transport = new FakeTransport();
  stops.push(startBedSync({ bedId: "b1", queryClient, transport, retryMs: 1_000 }));
  return {
    queryClient,
    transport,
    detail: () => queryClient.getQueryData<TBedDetail>(bedKeys.detail("b1")),
    live: () => queryClient.getQueryData<TParameterSeries>(live),
    fixed: () => queryClient.getQueryData<TParameterSeries>(fixed),
  };
}

describe("startBedSync", () => {
  it("replays the bed from the detail's lastSeq, then appends live readings to live series only", async () => {
    const { transport, detail, live, fixed } = setup();
    transport.connect();
    expect(transport.pending[0]?.payload).toEqual({ bedId: "b1", sinceSeq: 100 });
    await transport.answer([reading(101, "hr", 81, 65)]);
    transport.broadcast([reading(102, "hr", 82, 70), reading(103, "hr", 99, 70, "other-bed")]);
    expect(detail()?.latest.hr).toMatchObject({ value: 82, seq: 102 });
    expect(detail()?.lastSeq).toBe(102);
    expect(live()?.points.map((p) => p.v)).toEqual([80, 81, 82]);
    expect(fixed()?.points.map((p) => p.v)).toEqual([80]);
  });

  it("holds live readings until the replay is done, and applies a reading that comes both ways once", async () => {
    const { transport, live } = setup();
    transport.connect();
    transport.broadcast([reading(102, "hr", 82, 70)]);
    expect(live()?.points).toHaveLength(1);
    await transport.answer([reading(101, "hr", 81, 65), reading(102, "hr", 82, 70)]);
    expect(live()?.points.map((p) => p.v)).toEqual([80, 81, 82]);
  });

  it("gives a series that lands late the readings broadcast while it was being fetched", async () => {
    const { queryClient, transport } = setup();
    transport.connect();
    await transport.answer([]);
    transport.broadcast([reading(101, "map", 70, 65)]);
    const key = bedKeys.series("b1", "map", { kind: "live", range: "6h" }, 100);
    // A fetch whose server read lastSeq 100 before reading 101 was committed.
    await queryClient.fetchQuery({
      queryKey: key,
      queryFn: () => Promise.resolve({ ...series("map", 100), parameter: "map" as const }),
    });
    expect(queryClient.getQueryData<TParameterSeries>(key)?.points.map((p) => p.v)).toEqual([80, 70]);
  });

  it("extends every series of a live trends batch, and returns the same batch when none changes", async () => {
    const { queryClient, transport } = setup();
    const key = bedKeys.trends("b1", { kind: "live", range: "24h" }, 100);
    const batch = { series: [series("hr", 100), { ...series("map", 100), parameter: "map" as const }] };
    queryClient.setQueryData(key, batch);
    transport.connect();
    await transport.answer([reading(101, "map", 66, 65)]);
    const after = queryClient.getQueryData<typeof batch>(key);
    expect(after?.series[0]).toBe(batch.series[0]);
    expect(after?.series[1]?.points.map((p) => p.v)).toEqual([80, 66]);
    transport.broadcast([reading(102, "spo2_right", 97, 70)]);
    expect(queryClient.getQueryData(key)).toBe(after);
  });

  it("leaves the bed's room when stopped", () => {
    const { transport } = setup();
    transport.connect();
    stops.pop()?.();
    expect(transport.left).toEqual(["bed:b1"]);
  });
});
