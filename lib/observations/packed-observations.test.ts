import { describe, expect, it } from "vitest";
import type { TObservationDto } from "./observation";
import { packObservations, unpackObservations } from "./packed-observations";

const T0 = Date.UTC(2026, 11, 4, 3, 0, 0);
const PARAMETERS = [
  "ecmo.flow",
  "ecmo.rpm",
  "map",
  "hr",
  "spo2",
  "nirs.left",
  "nirs.right",
  "temp",
  "pven",
  "part",
  "dp",
  "sweep",
];

/** One second of a unit's device readings: `beds` beds × 12 parameters, as the write path commits them. */
function burst(beds: number, firstSeq = 1_000_000): TObservationDto[] {
  const out: TObservationDto[] = [];
  for (let b = 0; b < beds; b++)
    for (const parameter of PARAMETERS)
      out.push({
        seq: firstSeq + out.length,
        stayId: `cmstay${String(b).padStart(19, "0")}`,
        episodeId: `cmepisode${String(b).padStart(16, "0")}`,
        bedId: `bed-${b}`,
        parameter,
        value: Math.round(Math.sin(out.length) * 1000) / 100,
        observedAt: T0 + (out.length % 3),
        source: "device",
      });
  return out;
}

describe("packed observations", () => {
  it("give back every reading as it was, laboratory extras and a stay-only value included", () => {
    const readings: TObservationDto[] = [
      ...burst(3),
      {
        seq: 2_000_000,
        stayId: "cmstay-lab",
        episodeId: null,
        bedId: "bed-0",
        parameter: "lactate",
        value: 6.2,
        observedAt: T0 - 3_600_000,
        source: "hl7",
        status: "corrected",
        replaces: 1_999_990,
      },
      {
        seq: 2_000_007,
        stayId: "cmstay-lab",
        episodeId: null,
        bedId: "bed-0",
        parameter: "anti-xa",
        value: 0.1,
        observedAt: T0 - 60_000,
        source: "fhir",
        comparator: "<",
      },
    ];
    const unpacked = unpackObservations(JSON.parse(JSON.stringify(packObservations(readings))));
    expect(unpacked).toEqual({ ok: true, observations: readings });
  });

  it("name each place and parameter once, and are a fraction of the objects' size", () => {
    const readings = burst(64);
    const packed = packObservations(readings);
    expect(packed.places).toHaveLength(64);
    expect(packed.parameters).toHaveLength(12);
    const objects = JSON.stringify(readings).length;
    const columns = JSON.stringify(packed).length;
    // 64 beds × 12 parameters: ~110 KB as objects, ~14 KB as columns (measured when written).
    expect(columns).toBeLessThan(objects / 5);
  });

  it("of nothing is an empty message", () => {
    expect(unpackObservations(packObservations([]))).toEqual({ ok: true, observations: [] });
  });

  it("are refused, with the reason, when a column is short, an index points nowhere or seqs do not ascend", () => {
    const packed = packObservations(burst(2));
    expect(unpackObservations({ ...packed, value: packed.value.slice(1) })).toEqual({
      ok: false,
      reason: "column value has 23 of 24 readings",
    });
    expect(unpackObservations({ ...packed, place: packed.place.map(() => 9) })).toEqual({
      ok: false,
      reason: "reading 0 points to no place, parameter or source",
    });
    expect(unpackObservations({ ...packed, source: packed.source.map(() => 99) })).toMatchObject({ ok: false });
    expect(unpackObservations({ ...packed, seq: [...packed.seq.slice(0, 5), 0, ...packed.seq.slice(6)] })).toEqual({
      ok: false,
      reason: "seq does not ascend at reading 5",
    });
    expect(unpackObservations({ observations: burst(1) })).toMatchObject({ ok: false });
    expect(unpackObservations(null)).toMatchObject({ ok: false });
  });
});
