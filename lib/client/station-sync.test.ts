import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TObservationDto } from "@/lib/observations/observation";
import type { TReplayAnswer, TUnitSubscribe } from "@/lib/realtime/events";
import { toLiveStation, type TLiveStation } from "@/lib/station/merge-observations";
import type { TStationSnapshot } from "@/lib/station/snapshot";
import { stationKeys } from "./query-keys";
import { startStationSync, type TStationTransport } from "./station-sync";

const UNIT = "icu";
const T0 = Date.UTC(2025, 0, 10, 8, 0, 0);

function snapshot(lastSeq: number, serverTime = T0): TStationSnapshot {
  return {
    unit: { id: UNIT, name: "ICU", timeZone: "UTC" },
    serverTime,
    lastSeq,
    beds: [
      {
        bedId: "b1",
        label: "1",
        position: 1,
        stay: { id: "s1", admittedAt: T0 - 7_200_000 },
        patient: { initials: "AB", ageYears: 60, sex: "F" },
        episode: { id: "e1", deviceType: "VA_ECMO", startedAt: T0 - 3_600_000, cannulationSite: null, settings: {} },
        latest: {},
      },
    ],
  };
}

function reading(seq: number, value = 80): TObservationDto {
  return {
    seq,
    stayId: "s1",
    episodeId: "e1",
    bedId: "b1",
    parameter: "hr",
    value,
    observedAt: T0 + seq * 1_000,
    source: "simulator",
  };
}

interface Deferred {
  payload: TUnitSubscribe;
  resolve: (answer: TReplayAnswer) => void;
  reject: (error: Error) => void;
}

/** A socket stand-in: the test decides when the server answers and what it broadcasts. */
class FakeTransport implements TStationTransport {
  connected = false;
  pending: Deferred[] = [];
  left: string[] = [];
  private recorded = new Set<(payload: { unitId: string; observations: unknown }) => void>();
  private connects = new Set<() => void>();
  private disconnects = new Set<() => void>();
  private heartbeats = new Set<(units: Readonly<Record<string, number>>) => void>();

  isConnected = () => this.connected;
  subscribe = (payload: TUnitSubscribe) =>
    new Promise<TReplayAnswer>((resolve, reject) => this.pending.push({ payload, resolve, reject }));
  leave = (room: string) => void this.left.push(room);
  onRecorded = (listener: (payload: { unitId: string; observations: unknown }) => void) => {
    this.recorded.add(listener);
    return () => void this.recorded.delete(listener);
  };
  onConnect = (listener: () => void) => {
    this.connects.add(listener);
    return () => void this.connects.delete(listener);
  };
  onDisconnect = (listener: () => void) => {
    this.disconnects.add(listener);
    return () => void this.disconnects.delete(listener);
  };
  onHeartbeat = (listener: (units: Readonly<Record<string, number>>) => void) => {
    this.heartbeats.add(listener);
    return () => void this.heartbeats.delete(listener);
  };
  heartbeat(units: Record<string, number>) {
    for (const listener of this.heartbeats) listener(units);
  }

  connect() {
    this.connected = true;
    for (const listener of this.connects) listener();
  }
  disconnect() {
    this.connected = false;
    for (const listener of this.disconnects) listener();
  }
  broadcast(observations: unknown[], unitId = UNIT) {
    for (const listener of this.recorded) listener({ unitId, observations });
  }
  /** Answers the oldest pending subscribe. */
  async answer(observations: TObservationDto[], more = false) {
    const next = this.pending.shift();
    if (!next) throw new Error("no subscribe pending");
    next.resolve({ ok: true, observations, more });
    await flush();
    return next.payload;
  }
}

async function flush() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

/** react-query delivers cache notifications on a later task. */
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

function setup(lastSeq: number | null = 100) {
  const queryClient = new QueryClient();
  if (lastSeq !== null) queryClient.setQueryData(stationKeys.snapshot(UNIT), toLiveStation(snapshot(lastSeq)));
  const transport = new FakeTransport();
  const results: boolean[] = [];
  stops.push(
    startStationSync({ unitId: UNIT, queryClient, transport, onCatchUpResult: (f) => results.push(f), retryMs: 1_000 }),
  );
  const station = () => queryClient.getQueryData<TLiveStation>(stationKeys.snapshot(UNIT));
  return { queryClient, transport, results, station };
}

describe("startStationSync", () => {
  it("replays from the cache's lastSeq on connection, page after page", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    expect(transport.pending[0]?.payload).toEqual({ unitId: UNIT, sinceSeq: 100 });
    await transport.answer([reading(101), reading(102)], true);
    expect(transport.pending[0]?.payload).toEqual({ unitId: UNIT, sinceSeq: 102 });
    await transport.answer([reading(103, 95)]);
    expect(transport.pending).toHaveLength(0);
    expect(station()?.lastSeq).toBe(103);
    expect(station()?.beds[0]?.latest.hr?.value).toBe(95);
  });

  it("holds live readings while a replay runs and applies them after it", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    transport.broadcast([reading(104, 99)]);
    expect(station()?.lastSeq).toBe(100);
    await transport.answer([reading(101), reading(102), reading(103)]);
    expect(station()?.lastSeq).toBe(104);
    expect(station()?.beds[0]?.latest.hr?.value).toBe(99);
  });

  it("applies live readings directly once caught up, and a duplicate once", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    await transport.answer([reading(101)]);
    transport.broadcast([reading(102, 70)]);
    transport.broadcast([reading(102, 70)]);
    expect(station()?.lastSeq).toBe(102);
    expect(station()?.beds[0]?.latest.hr).toMatchObject({ seq: 102, value: 70 });
  });

  it("replays when a heartbeat says the server sent the unit more than it applied (a lost message)", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    await transport.answer([reading(101)]);
    transport.heartbeat({ [UNIT]: 101, "other-unit": 500 });
    expect(transport.pending).toHaveLength(0);
    // 102 was sent but never arrived (a node's Redis link blinked); the heartbeat after it says 102.
    transport.heartbeat({ [UNIT]: 102 });
    expect(transport.pending[0]?.payload).toEqual({ unitId: UNIT, sinceSeq: 101 });
    // While that replay runs, further heartbeats ask nothing more.
    transport.heartbeat({ [UNIT]: 102 });
    expect(transport.pending).toHaveLength(1);
    await transport.answer([reading(102, 66)]);
    expect(station()?.lastSeq).toBe(102);
    expect(station()?.beds[0]?.latest.hr?.value).toBe(66);
  });

  it("after a disconnection, applies nothing live until the replay of what was missed has run", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    await transport.answer([]);
    transport.disconnect();
    transport.connect();
    // A live reading that overtakes the replay must not raise lastSeq past the readings missed meanwhile.
    transport.broadcast([reading(110)]);
    expect(station()?.lastSeq).toBe(100);
    expect(await transport.answer([reading(101), reading(109)])).toEqual({ unitId: UNIT, sinceSeq: 100 });
    expect(station()?.lastSeq).toBe(110);
  });

  it("waits for the snapshot, then replays from it; live readings before it are left to that replay", async () => {
    const { queryClient, transport, station } = setup(null);
    transport.connect();
    transport.broadcast([reading(150)]);
    expect(transport.pending).toHaveLength(0);
    queryClient.setQueryData(stationKeys.snapshot(UNIT), toLiveStation(snapshot(140)));
    await nextTask();
    expect(transport.pending[0]?.payload.sinceSeq).toBe(140);
    await transport.answer([reading(150)]);
    expect(station()?.lastSeq).toBe(150);
  });

  it("replays again from a snapshot read anew", async () => {
    const { queryClient, transport } = setup(100);
    transport.connect();
    await transport.answer([]);
    queryClient.setQueryData(stationKeys.snapshot(UNIT), toLiveStation(snapshot(500, T0 + 60_000)));
    await nextTask();
    expect(transport.pending[0]?.payload.sinceSeq).toBe(500);
  });

  it("replays from the new snapshot when one lands during a replay, losing no live reading", async () => {
    const { queryClient, transport, station } = setup(100);
    transport.connect();
    queryClient.setQueryData(stationKeys.snapshot(UNIT), toLiveStation(snapshot(300, T0 + 60_000)));
    await nextTask();
    transport.broadcast([reading(305, 66)]);
    await transport.answer([reading(101)]);
    expect(transport.pending[0]?.payload.sinceSeq).toBe(305);
    await transport.answer([]);
    expect(station()?.lastSeq).toBe(305);
    expect(station()?.beds[0]?.latest.hr?.value).toBe(66);
  });

  it("says when a catch-up fails, keeps live readings aside, and retries", async () => {
    vi.useFakeTimers();
    const { transport, results, station } = setup(100);
    transport.connect();
    transport.pending.shift()?.reject(new Error("timeout"));
    await flush();
    expect(results).toEqual([true]);
    transport.broadcast([reading(105)]);
    expect(station()?.lastSeq).toBe(100);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.pending[0]?.payload.sinceSeq).toBe(100);
    await transport.answer([reading(101)]);
    expect(results).toEqual([true, false]);
    expect(station()?.lastSeq).toBe(105);
  });

  it("treats an error answer as a failed catch-up", async () => {
    const { transport, results } = setup(100);
    transport.connect();
    transport.pending.shift()?.resolve({ ok: false, error: { code: "INTERNAL", message: "busy" } });
    await flush();
    expect(results).toEqual([true]);
  });

  it("asks the database again when a live event does not parse", async () => {
    const { transport } = setup(100);
    transport.connect();
    await transport.answer([]);
    transport.broadcast([{ seq: "not a number" }]);
    expect(transport.pending[0]?.payload.sinceSeq).toBe(100);
  });

  it("accepts broadcasts that carry only the fields merging reads", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    await transport.answer([]);
    const { seq, stayId, episodeId, bedId, parameter, value, observedAt } = reading(101, 77);
    transport.broadcast([{ seq, stayId, episodeId, bedId, parameter, value, observedAt }]);
    expect(station()?.beds[0]?.latest.hr?.value).toBe(77);
  });

  it("ignores another unit's broadcast and leaves the unit's room when stopped", async () => {
    const { transport, station } = setup(100);
    transport.connect();
    await transport.answer([]);
    transport.broadcast([reading(101)], "other-unit");
    expect(station()?.lastSeq).toBe(100);
    stops.pop()?.();
    expect(transport.left).toEqual([`unit:${UNIT}`]);
  });
});
