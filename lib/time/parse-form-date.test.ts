import { describe, expect, it } from "vitest";
import { formDateToIsoDay, parseFormDate } from "./parse-form-date";

describe("parseFormDate", () => {
  it("reads a date day first, as the page prints dates, in both languages (not the browser's month-first order)", () => {
    for (const locale of ["en", "fr"] as const) {
      expect(parseFormDate({ text: "03/11/2026", locale, kind: "date" }), locale).toEqual({
        year: 2026,
        month: 11,
        day: 3,
        hour: 0,
        minute: 0,
        second: 0,
      });
    }
  });

  it("reads a date and a time to the minute", () => {
    expect(parseFormDate({ text: " 23/11/2026  08:30 ", locale: "fr", kind: "dateTime" })).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 8,
      minute: 30,
      second: 0,
    });
  });

  it("still reads an ISO date, as pasted from an export", () => {
    expect(parseFormDate({ text: "2026-11-23T08:30", locale: "en", kind: "dateTime" })).toMatchObject({
      month: 11,
      day: 23,
      hour: 8,
    });
    expect(parseFormDate({ text: "1958-04-30", locale: "fr", kind: "date" })).toMatchObject({ year: 1958, day: 30 });
  });

  it("refuses what is not a date rather than guessing", () => {
    for (const text of ["31/02/2026", "23/11/2026 25:00", "11/23/2026", "tomorrow", ""]) {
      expect(parseFormDate({ text, locale: "en", kind: text.includes(":") ? "dateTime" : "date" }), text).toBeNull();
    }
  });

  it("gives the calendar day a server reads", () => {
    expect(formDateToIsoDay({ year: 1958, month: 4, day: 3, hour: 0, minute: 0, second: 0 })).toBe("1958-04-03");
  });
});
