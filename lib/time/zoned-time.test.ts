import { describe, expect, it } from "vitest";
import { isTimeZone, localDayOf, localTimeToDate, nextLocalDay, utcOffsetMs, zonedTimeToEpoch } from "./zoned-time";

const at = (iso: string) => new Date(iso).getTime();

describe("zoned time", () => {
  it("places 05:00 in Paris at 04:00Z in winter and 03:00Z in summer, across the spring change", () => {
    expect(zonedTimeToEpoch({ year: 2026, month: 3, day: 28 }, 5, 0, "Europe/Paris")).toBe(at("2026-03-28T04:00:00Z"));
    expect(zonedTimeToEpoch({ year: 2026, month: 3, day: 29 }, 5, 0, "Europe/Paris")).toBe(at("2026-03-29T03:00:00Z"));
  });

  it("reads an offset-less lab time in its zone, UTC included", () => {
    const local = { year: 2026, month: 11, day: 23, hour: 8, minute: 15, second: 30, millisecond: 0 };
    expect(localTimeToDate(local, "Europe/Paris").toISOString()).toBe("2026-11-23T07:15:30.000Z");
    expect(localTimeToDate(local, "UTC").toISOString()).toBe("2026-11-23T08:15:30.000Z");
  });

  it("gives the local day of an instant near midnight and rolls months over", () => {
    expect(localDayOf(at("2026-10-31T23:30:00Z"), "Europe/Paris")).toEqual({ year: 2026, month: 11, day: 1 });
    expect(nextLocalDay({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it("gives the zone's UTC offset at an instant, through the daylight-saving change", () => {
    expect(utcOffsetMs(at("2026-03-29T00:30:00Z"), "Europe/Paris")).toBe(3_600_000);
    expect(utcOffsetMs(at("2026-03-29T01:30:00Z"), "Europe/Paris")).toBe(7_200_000);
    expect(utcOffsetMs(at("2026-03-29T01:30:00Z"), "Mars/Olympus")).toBe(0);
  });

  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
