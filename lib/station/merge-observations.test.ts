import { describe, expect, it } from "vitest";
import type { TObservationDto } from "@/lib/observations/observation";
import { TRAIL_SPACING_MS, mergeObservations, toLiveStation, type TLiveStation } from "./merge-observations";
import { needsSnapshotRefresh } from "./needs-snapshot-refresh";
import { TREND_LOOKBACK_MS, type TStationBed, type TStationSnapshot } from "./snapshot";

const T0 = Date.UTC(2025, 0, 10, 8, 0, 0);
const MIN = 60_000;
const H = 60 * MIN;

function bed(overrides: Partial<TStationBed> = {}): TStationBed {
  return {
    bedId: "bed-1",
    label: "1",
    position: 1,
    stay: { id: "stay-1", admittedAt: T0 - 50 * H },
    patient: { initials: "JD", ageYears: 61, sex: "M" },
    episode: { id: "ep-1", deviceType: "VA_ECMO", startedAt: T0 - 48 * H, cannulationSite: "femoral", settings: {} },
    latest: {},
    ...overrides,
  };
}

function snapshot(beds: TStationBed[] = [bed()], lastSeq = 100): TStationSnapshot {
  return { unit: { id: "icu", name: "ICU", timeZone: "Europe/Paris" }, serverTime: T0, lastSeq, beds };
}

let nextSeq = 1_000;
function obs(
  parameter: string,
  value: number,
  observedAt: number,
  overrides: Partial<TObservationDto> = {},
): TObservationDto {
  nextSeq += 1;
  return {
    seq: nextSeq,
    stayId: "stay-1",
    episodeId: "ep-1",
    bedId: "bed-1",
    parameter,
    value,
    observedAt,
    source: "simulator",
    ...overrides,
  };
}

function latestOf(station: TLiveStation, parameter: string, bedId = "bed-1") {
  return station.beds.find((b) => b.bedId === bedId)?.latest[parameter];
}

describe("mergeObservations", () => {
  it("keeps the newest reading when readings arrive out of order", () => {
    const station = toLiveStation(snapshot());
    const newer = obs("ecmo_flow", 3.4, T0 + 10_000);
    const older = obs("ecmo_flow", 3.1, T0 + 5_000);
    const merged = mergeObservations(station, [newer, older]);
    expect(latestOf(merged, "ecmo_flow")).toMatchObject({ value: 3.4, observedAt: T0 + 10_000, seq: newer.seq });
    expect(merged.lastSeq).toBe(older.seq);
  });

  it("gives the same result whatever the order and however often a reading is applied", () => {
    const readings = [
      obs("ecmo_flow", 3.0, T0),
      obs("ecmo_flow", 3.2, T0 + 6 * MIN),
      obs("lactate", 2.4, T0 - 2 * H),
      obs("lactate", 1.8, T0),
    ];
    const station = toLiveStation(snapshot());
    const forward = mergeObservations(station, readings);
    const backward = mergeObservations(station, [...readings].reverse());
    const twice = mergeObservations(mergeObservations(station, readings), readings);
    expect(backward.beds).toEqual(forward.beds);
    expect(twice.beds).toEqual(forward.beds);
    expect(twice.lastSeq).toBe(forward.lastSeq);
  });

  it("returns the same object when a duplicate changes nothing", () => {
    const reading = obs("hr", 80, T0);
    const once = mergeObservations(toLiveStation(snapshot()), [reading]);
    expect(mergeObservations(once, [reading])).toBe(once);
  });

  it("never lets an older lab imported late replace a newer one, but makes it the previous sample", () => {
    const station = toLiveStation(snapshot());
    const newest = obs("lactate", 3.1, T0);
    const first = obs("lactate", 1.5, T0 - 8 * H);
    const lateMiddle = obs("lactate", 2.2, T0 - 4 * H);
    const merged = mergeObservations(mergeObservations(station, [first, newest]), [lateMiddle]);
    expect(latestOf(merged, "lactate")).toEqual({
      seq: newest.seq,
      value: 3.1,
      observedAt: T0,
      reference: { value: 2.2, observedAt: T0 - 4 * H },
    });
    // A sample older than the reference changes nothing.
    const ancient = obs("lactate", 9.9, T0 - 20 * H);
    expect(latestOf(mergeObservations(merged, [ancient]), "lactate")).toEqual(latestOf(merged, "lactate"));
  });

  it("makes the previous lab sample the reference when a new one arrives", () => {
    const merged = mergeObservations(toLiveStation(snapshot()), [
      obs("anti_xa", 0.35, T0),
      obs("anti_xa", 0.52, T0 + 6 * H),
    ]);
    expect(latestOf(merged, "anti_xa")).toMatchObject({ value: 0.52, reference: { value: 0.35, observedAt: T0 } });
  });

  it("takes a corrected lab result at the same sample time and keeps the previous sample as reference", () => {
    const station = toLiveStation(snapshot());
    const merged = mergeObservations(station, [obs("hemoglobin", 8.1, T0 - 12 * H), obs("hemoglobin", 7.2, T0)]);
    const corrected = mergeObservations(merged, [obs("hemoglobin", 7.5, T0)]);
    expect(latestOf(corrected, "hemoglobin")).toMatchObject({ value: 7.5, reference: { value: 8.1 } });
  });

  it("ignores readings for a bed the station does not show, but counts them in lastSeq", () => {
    const station = toLiveStation(snapshot());
    const stranger = obs("hr", 90, T0, { bedId: "bed-99" });
    const merged = mergeObservations(station, [stranger]);
    expect(merged.beds).toBe(station.beds);
    expect(merged.lastSeq).toBe(stranger.seq);
  });

  it("does not show another stay's reading on the bed (a previous patient's late lab)", () => {
    const station = toLiveStation(snapshot());
    const merged = mergeObservations(station, [obs("lactate", 6, T0, { stayId: "stay-old", episodeId: "ep-old" })]);
    expect(latestOf(merged, "lactate")).toBeUndefined();
  });

  it("shows a lab of the bed's stay taken with no support running (before cannulation)", () => {
    const station = toLiveStation(snapshot([bed({ episode: null })]));
    const merged = mergeObservations(station, [obs("lactate", 4.1, T0, { episodeId: null })]);
    expect(latestOf(merged, "lactate")).toMatchObject({ value: 4.1 });
  });

  it("never lowers lastSeq", () => {
    const station = toLiveStation(snapshot([bed()], 5_000_000));
    expect(mergeObservations(station, [obs("hr", 70, T0)]).lastSeq).toBe(5_000_000);
  });

  it("moves the device reference to the newest reading at least five minutes older than the latest", () => {
    let station = toLiveStation(snapshot());
    const readings = Array.from({ length: 80 }, (_, i) => obs("ecmo_flow", 3 + i / 100, T0 + i * 5_000));
    station = mergeObservations(station, readings);
    const latest = latestOf(station, "ecmo_flow");
    const lastAt = T0 + 79 * 5_000;
    expect(latest?.observedAt).toBe(lastAt);
    expect(latest?.reference).not.toBeNull();
    const referenceAge = lastAt - (latest?.reference?.observedAt ?? 0);
    expect(referenceAge).toBeGreaterThanOrEqual(TREND_LOOKBACK_MS);
    expect(referenceAge).toBeLessThan(TREND_LOOKBACK_MS + 2 * TRAIL_SPACING_MS);
  });

  it("keeps the server's device reference until the trail holds an older point", () => {
    const withReference = bed({
      latest: { map: { seq: 50, value: 70, observedAt: T0, reference: { value: 64, observedAt: T0 - 4.9 * MIN } } },
    });
    const station = toLiveStation(snapshot([withReference]));
    const merged = mergeObservations(station, [obs("map", 72, T0 + 5_000)]);
    expect(latestOf(merged, "map")).toMatchObject({ value: 72, reference: { value: 64, observedAt: T0 - 4.9 * MIN } });
  });

  it("bounds the trail of a fast device whatever the stream's length", () => {
    let station = toLiveStation(snapshot());
    for (let batch = 0; batch < 20; batch += 1) {
      const readings = Array.from({ length: 300 }, (_, i) => obs("hr", 80, T0 + (batch * 300 + i) * 1_000));
      station = mergeObservations(station, readings);
    }
    const trail = station.trails["bed-1"]?.hr ?? [];
    expect(trail.length).toBeLessThanOrEqual(TREND_LOOKBACK_MS / TRAIL_SPACING_MS + 2);
    expect(trail.length).toBeGreaterThan(10);
  });

  it("does not mutate the station it was given", () => {
    const station = toLiveStation(snapshot());
    const frozen = JSON.stringify(station);
    mergeObservations(station, [obs("hr", 80, T0), obs("lactate", 2, T0)]);
    expect(JSON.stringify(station)).toBe(frozen);
  });
});

describe("needsSnapshotRefresh", () => {
  it("asks for a refresh when a bed has a newer stay or episode than the snapshot knows", () => {
    const s = snapshot();
    expect(needsSnapshotRefresh(s, [obs("hr", 80, T0, { episodeId: "ep-2" })])).toBe(true);
    expect(needsSnapshotRefresh(s, [obs("hr", 80, T0, { stayId: "stay-2", episodeId: "ep-2" })])).toBe(true);
    const empty = snapshot([bed({ stay: null, episode: null, patient: null })]);
    expect(needsSnapshotRefresh(empty, [obs("hr", 80, T0)])).toBe(true);
    // Support started since an admission the snapshot knows.
    expect(needsSnapshotRefresh(snapshot([bed({ episode: null })]), [obs("hr", 80, T0)])).toBe(true);
  });

  it("does not refresh for a previous patient's late lab or for another unit's bed", () => {
    const s = snapshot();
    expect(needsSnapshotRefresh(s, [obs("lactate", 2, T0 - 72 * H, { stayId: "stay-0", episodeId: "ep-0" })])).toBe(
      false,
    );
    // A lab of the known stay with no support running (taken before cannulation).
    expect(needsSnapshotRefresh(s, [obs("lactate", 2, T0 - 49 * H, { episodeId: null })])).toBe(false);
    expect(needsSnapshotRefresh(s, [obs("hr", 80, T0, { bedId: "elsewhere", episodeId: "x" })])).toBe(false);
    expect(needsSnapshotRefresh(s, [obs("hr", 80, T0)])).toBe(false);
  });
});
