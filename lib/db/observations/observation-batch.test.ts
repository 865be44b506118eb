import { describe, expect, it } from "vitest";
import type { TValidReading } from "@/lib/observations/validate-reading";
import { batchSize, packObservationBatch, readBatchRow, type TBatchRow } from "./observation-batch";

const reading = (overrides: Partial<TValidReading>): TValidReading => ({
  stayId: "s1",
  episodeId: "e1",
  bedId: "b1",
  unitId: "u1",
  parameter: "lactate",
  value: 2.5,
  unit: "mmol/L",
  observedAt: new Date("2026-11-23T10:00:00.123Z"),
  source: "csv",
  sourceRef: "csv:1",
  ...overrides,
});

describe("packObservationBatch", () => {
  it("gives back every reading as it was, in order, with each distinct string stored once", () => {
    const readings = [
      reading({}),
      reading({
        stayId: "s2",
        episodeId: "e2",
        bedId: "b2",
        parameter: "ecmo_flow",
        unit: "L/min",
        value: 3.14159,
        sourceRef: "csv:2",
      }),
      reading({
        value: -40.5,
        parameter: "ecmo_pven",
        unit: "mm[Hg]",
        source: "hl7",
        sourceRef: "hl7:MSG1:OBX3",
        observedAt: new Date(0),
      }),
      reading({ stayId: "s2", episodeId: "e2", bedId: "b2", sourceRef: "csv:4" }),
      // A lab of the first stay with no support running: a place of its own.
      reading({ episodeId: null, sourceRef: "csv:5" }),
    ];
    const batch = packObservationBatch(readings);
    expect(batchSize(batch)).toBe(5);
    expect(batch.places).toEqual([
      ["s1", "e1", "b1", "u1"],
      ["s2", "e2", "b2", "u1"],
      ["s1", null, "b1", "u1"],
    ]);
    expect(batch.parameters).toHaveLength(3);
    expect(batch.sources).toEqual(["csv", "hl7"]);
    const row = {} as TBatchRow;
    const back = readings.map((_, i) => ({ ...readBatchRow(batch, i, row) }));
    expect(back).toEqual(
      readings.map((r) => ({
        stayId: r.stayId,
        episodeId: r.episodeId,
        bedId: r.bedId,
        unitId: r.unitId,
        parameter: r.parameter,
        unit: r.unit,
        source: r.source,
        value: r.value,
        observedAt: r.observedAt.getTime(),
        sourceRef: r.sourceRef,
      })),
    );
  });

  it("survives the structured clone a worker receives, its numbers moved rather than copied", () => {
    const batch = packObservationBatch([reading({}), reading({ value: 1e-9, sourceRef: "csv:2" })]);
    const received = structuredClone(batch, { transfer: [batch.numbers.buffer as ArrayBuffer] });
    expect(batch.numbers.byteLength).toBe(0);
    expect(readBatchRow(received, 1, {} as TBatchRow)).toMatchObject({
      value: 1e-9,
      sourceRef: "csv:2",
      episodeId: "e1",
    });
  });

  it("refuses to read a row whose indexes point outside the batch's tables", () => {
    const batch = packObservationBatch([reading({})]);
    batch.numbers[0] = 7;
    expect(() => readBatchRow(batch, 0, {} as TBatchRow)).toThrow(RangeError);
  });
});
