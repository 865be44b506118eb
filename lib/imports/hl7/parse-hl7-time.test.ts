import { describe, expect, it } from "vitest";
import { parseHl7Time } from "./parse-hl7-time";

const paris = { timeZone: "Europe/Paris" };

describe("parseHl7Time", () => {
  it.each([
    ["20110103143428-0800", "2011-01-03T22:34:28.000Z"],
    ["20141006083000+0700", "2014-10-06T01:30:00.000Z"],
    ["202611230815+0100", "2026-11-23T07:15:00.000Z"],
    ["20261123081500.25+0000", "2026-11-23T08:15:00.250Z"],
  ])("reads %s with its offset as %s", (text, iso) => {
    expect(parseHl7Time(text, paris)).toEqual({ ok: true, at: new Date(iso) });
  });

  it("reads a time without offset in the message header's offset when MSH-7 carried one", () => {
    expect(parseHl7Time("201410060830", { ...paris, fallbackOffsetMinutes: 420 })).toEqual({
      ok: true,
      at: new Date("2014-10-06T01:30:00Z"),
    });
  });

  it("reads a time without any offset as the site's local time, daylight saving included", () => {
    expect(parseHl7Time("202601150800", paris)).toEqual({ ok: true, at: new Date("2026-01-15T07:00:00Z") });
    expect(parseHl7Time("202607150800", paris)).toEqual({ ok: true, at: new Date("2026-07-15T06:00:00Z") });
  });

  it.each([
    ["20110103", /not precise to the minute/],
    ["2011010314", /not precise to the minute/],
    ["20110231120000", /not a valid date/],
    ["20110103250000", /not a valid date/],
    ["2011-01-03T14:00", /not an HL7 time/],
    ["20110103143428+2500", /invalid time-zone offset/],
  ])("refuses %s with a reason", (text, reason) => {
    const parsed = parseHl7Time(text, paris);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
