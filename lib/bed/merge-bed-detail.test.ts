import { describe, expect, it } from "vitest";
import { mergeBedDetail } from "./merge-bed-detail";
import { bedDetailFixture } from "./testing";

const T0 = Date.UTC(2025, 0, 6, 8);
const M = 60_000;
const reading = (seq: number, parameter: string, value: number, atMin: number, episodeId = "e1") => ({
  seq,
  episodeId,
  bedId: "b1",
  parameter,
  value,
  observedAt: T0 + atMin * M,
});

describe("mergeBedDetail", () => {
  it("updates latest values, inserts lab samples in time order, and moves lastSeq", () => {
    const detail = bedDetailFixture({
      deviceType: "IABP",
      startedAt: T0,
      labs: { lactate: [{ seq: 5, value: 3, observedAt: T0 + 60 * M }] },
    });
    const { detail: next, newEpisode } = mergeBedDetail(detail, [
      reading(101, "lactate", 2.2, 120),
      reading(102, "lactate", 2.6, 90),
      reading(103, "hr", 80, 121),
    ]);
    expect(newEpisode).toBe(false);
    expect(next.lastSeq).toBe(103);
    expect(next.labs.lactate?.map((s) => s.value)).toEqual([3, 2.6, 2.2]);
    expect(next.latest.lactate).toMatchObject({ value: 2.2, reference: null });
    expect(next.latest.hr?.value).toBe(80);
  });

  it("applies a reading received twice once", () => {
    const detail = bedDetailFixture({ startedAt: T0 });
    const once = mergeBedDetail(detail, [reading(101, "lactate", 2.2, 120)]).detail;
    expect(mergeBedDetail(once, [reading(101, "lactate", 2.2, 120)]).detail).toBe(once);
  });

  it("starts the pump-stopped run at the first stopped reading, and ends it when pumping resumes", () => {
    const detail = bedDetailFixture({
      deviceType: "IABP",
      startedAt: T0,
      runs: { pumping: { value: 1, since: T0 }, ratio: null },
    });
    const stopped = mergeBedDetail(detail, [
      reading(101, "iabp_pumping", 0, 10),
      reading(102, "iabp_pumping", 0, 11),
    ]).detail;
    expect(stopped.runs.pumping).toEqual({ value: 0, since: T0 + 10 * M });
    expect(mergeBedDetail(stopped, [reading(103, "iabp_pumping", 1, 30)]).detail.runs.pumping).toEqual({
      value: 1,
      since: T0 + 30 * M,
    });
  });

  it("says when a new patient's readings arrive, not for a previous patient's late lab", () => {
    const detail = bedDetailFixture({ startedAt: T0 });
    expect(mergeBedDetail(detail, [reading(101, "hr", 80, 5, "e2")]).newEpisode).toBe(true);
    expect(mergeBedDetail(detail, [reading(101, "lactate", 2, -60, "e0")]).newEpisode).toBe(false);
  });
});
