import { describe, expect, it } from "vitest";
import { formatClockTime } from "./format-clock-time";

describe("formatClockTime", () => {
  const at = Date.UTC(2025, 6, 1, 6, 5, 9);

  it("prints HH:MM:SS on 24 hours in the unit's time zone", () => {
    expect(formatClockTime(at, "en", "Europe/Paris")).toBe("08:05:09");
    expect(formatClockTime(at, "fr", "Europe/Paris")).toBe("08:05:09");
    expect(formatClockTime(at, "en", "UTC")).toBe("06:05:09");
  });

  it("falls back to UTC, and says so, for a zone the runtime does not know", () => {
    expect(formatClockTime(at, "en", "Mars/Olympus")).toMatch(/^06:05:09 (UTC|GMT)/);
  });
});
