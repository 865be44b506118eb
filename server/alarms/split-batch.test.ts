import { describe, expect, it } from "vitest";
import type { TCommittedObservation } from "@/lib/observations/observation";
import { splitBatch } from "./split-batch";

const reading = (seq: number, stayId: string, episodeId: string | null): TCommittedObservation => ({
  seq,
  stayId,
  episodeId,
  bedId: "bed-1",
  unitId: "unit-1",
  parameter: "lactate",
  value: 6,
  unit: "mmol/L",
  observedAt: 1_000 + seq,
  receivedAt: 1_000 + seq,
  source: "hl7",
});

describe("a page of readings split for the engine", () => {
  it("groups them by stay, a reading with no support running included, each with the episode of its time", () => {
    const { byStay } = splitBatch([
      reading(1, "stay-a", null),
      reading(2, "stay-a", "ep-a"),
      reading(3, "stay-b", null),
    ]);
    expect(byStay.get("stay-a")?.map((r) => [r.seq, r.episodeId])).toEqual([
      [1, null],
      [2, "ep-a"],
    ]);
    expect(byStay.get("stay-b")?.map((r) => [r.seq, r.episodeId])).toEqual([[3, null]]);
  });
});
