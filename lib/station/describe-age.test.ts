import { describe, expect, it } from "vitest";
import { describeAge } from "./describe-age";

const MIN = 60_000;

describe("describeAge", () => {
  it("says now for less than a minute, and for a time slightly ahead of the clock", () => {
    expect(describeAge(59_999)).toEqual({ unit: "now" });
    expect(describeAge(-5_000)).toEqual({ unit: "now" });
  });

  it("rounds down so that a value never looks fresher than it is", () => {
    expect(describeAge(59 * MIN + 59_000)).toEqual({ unit: "minutes", count: 59 });
    expect(describeAge(2 * 60 * MIN + 59 * MIN)).toEqual({ unit: "hours", count: 2 });
  });

  it("keeps hours up to two days, then counts days", () => {
    expect(describeAge(47 * 60 * MIN)).toEqual({ unit: "hours", count: 47 });
    expect(describeAge(49 * 60 * MIN)).toEqual({ unit: "days", count: 2 });
  });
});
