import { describe, expect, it } from "vitest";
import { heparinRun } from "./heparin-run";

describe("heparinRun", () => {
  it("is undefined when no settings entry records a heparin rate", () => {
    expect(heparinRun([{ at: 1, settings: { rpm: 3000 } }])).toBeUndefined();
    expect(heparinRun([])).toBeUndefined();
  });

  it("counts a running infusion from when it started, not from a later change of rate", () => {
    expect(
      heparinRun([
        { at: 30, settings: { heparinRate: 800 } },
        { at: 10, settings: { heparinRate: 500 } },
      ]),
    ).toEqual({ running: true, since: 10 });
  });

  it("is stopped from the change that set the rate to 0, and running again from its restart", () => {
    const history = [
      { at: 10, settings: { heparinRate: 500 } },
      { at: 20, settings: { heparinRate: 0 } },
      { at: 25, settings: { rpm: 3000 } },
    ];
    expect(heparinRun(history)).toEqual({ running: false, since: 20 });
    expect(heparinRun([...history, { at: 40, settings: { heparinRate: 300 } }])).toEqual({ running: true, since: 40 });
  });

  it("passes over an entry whose settings cannot be read", () => {
    expect(
      heparinRun([
        { at: 10, settings: { heparinRate: 500 } },
        { at: 20, settings: "garbage" },
      ]),
    ).toEqual({
      running: true,
      since: 10,
    });
  });
});
