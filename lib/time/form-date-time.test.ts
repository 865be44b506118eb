import { describe, expect, it } from "vitest";
import { formatFormDateTime, readFormDateTime } from "./form-date-time";

describe("a date-and-time field's text, in the unit's zone", () => {
  it("prints day first on a 24 h clock in the zone, not the machine's", () => {
    // 2026-11-23 07:30 UTC is 08:30 in Paris (winter), 02:30 in New York.
    const at = Date.UTC(2026, 10, 23, 7, 30);
    expect(formatFormDateTime(at, "en", "Europe/Paris")).toBe("23/11/2026 08:30");
    expect(formatFormDateTime(at, "fr", "Europe/Paris")).toBe("23/11/2026 08:30");
    expect(formatFormDateTime(at, "en", "America/New_York")).toBe("23/11/2026 02:30");
    expect(formatFormDateTime(Date.UTC(2026, 6, 1, 19, 5), "en", "Europe/Paris")).toBe("01/07/2026 21:05");
  });

  it("reads back what it prints, in the same zone (summer time included)", () => {
    for (const at of [Date.UTC(2026, 10, 23, 7, 30), Date.UTC(2026, 6, 1, 19, 5)]) {
      const text = formatFormDateTime(at, "fr", "Europe/Paris");
      expect(readFormDateTime({ text, locale: "fr", timeZone: "Europe/Paris" })).toBe(at);
    }
  });

  it("refuses what is not a date and time rather than guess", () => {
    for (const text of ["", "23/11/2026", "31/02/2026 08:00", "23/11/2026 25:00", "11/23/2026 08:30", "tomorrow"])
      expect(readFormDateTime({ text, locale: "en", timeZone: "Europe/Paris" })).toBeNull();
  });
});
