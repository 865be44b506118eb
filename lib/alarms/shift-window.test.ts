import { describe, expect, it } from "vitest";
import { previousShiftWindow, shiftWindowAt } from "./shift-window";

const PARIS = "Europe/Paris";
const iso = (ms: number) => new Date(ms).toISOString();

describe("shiftWindowAt", () => {
  it("puts 10:00 in the day shift and 03:00 in the night that began the evening before, in the unit's zone", () => {
    const day = shiftWindowAt(Date.parse("2025-01-15T09:00:00Z"), PARIS);
    expect({ kind: day.kind, start: iso(day.start), end: iso(day.end) }).toEqual({ kind: "day", start: "2025-01-15T06:00:00.000Z", end: "2025-01-15T18:00:00.000Z" });
    const night = shiftWindowAt(Date.parse("2025-01-15T02:00:00Z"), PARIS);
    expect({ kind: night.kind, start: iso(night.start), end: iso(night.end) }).toEqual({ kind: "night", start: "2025-01-14T18:00:00.000Z", end: "2025-01-15T06:00:00.000Z" });
  });

  it("counts 07:00 sharp in the day shift and 19:00 sharp in the night", () => {
    expect(shiftWindowAt(Date.parse("2025-01-15T06:00:00Z"), PARIS).kind).toBe("day");
    expect(shiftWindowAt(Date.parse("2025-01-15T18:00:00Z"), PARIS).kind).toBe("night");
  });

  it("makes the night of the spring change 11 h long, and finds the shift before", () => {
    const night = shiftWindowAt(Date.parse("2025-03-30T03:00:00Z"), PARIS);
    expect((night.end - night.start) / 3_600_000).toBe(11);
    const before = previousShiftWindow(Date.parse("2025-01-15T09:00:00Z"), PARIS);
    expect({ kind: before.kind, start: iso(before.start) }).toEqual({ kind: "night", start: "2025-01-14T18:00:00.000Z" });
  });
});
