import { describe, expect, it } from "vitest";
import { DEFAULT_SHIFT_PATTERN, ZShiftPattern } from "./shift-pattern";
import { nextShift, previousShift, shiftAt, shiftByKey, shiftsBetween, type TShiftContext } from "./shifts";

const at = (iso: string) => new Date(iso).getTime();
const HOUR = 3_600_000;
const paris: TShiftContext = { pattern: DEFAULT_SHIFT_PATTERN, timeZone: "Europe/Paris" };

describe("the shift containing an instant", () => {
  it("finds the day shift in winter Paris time and the night that started the evening before", () => {
    const day = shiftAt(at("2026-01-15T12:00:00Z"), paris);
    expect(day).toMatchObject({ key: "2026-01-15/day", name: "day", startTime: "07:00", endTime: "19:00" });
    expect(day.startsAt).toBe(at("2026-01-15T06:00:00Z"));
    expect(day.endsAt).toBe(at("2026-01-15T18:00:00Z"));

    const night = shiftAt(at("2026-01-15T03:00:00Z"), paris);
    expect(night.key).toBe("2026-01-14/night");
    expect(night.label).toBe("2026-01-14 night 19:00–07:00");
    expect(night.startsAt).toBe(at("2026-01-14T18:00:00Z"));
    expect(night.endsAt).toBe(at("2026-01-15T06:00:00Z"));
  });

  it("includes its start and excludes its end", () => {
    expect(shiftAt(at("2026-01-15T06:00:00Z"), paris).key).toBe("2026-01-15/day");
    expect(shiftAt(at("2026-01-15T06:00:00Z") - 1, paris).key).toBe("2026-01-14/night");
    expect(shiftAt(at("2026-01-15T18:00:00Z"), paris).key).toBe("2026-01-15/night");
  });

  it("gives the spring-forward night of 28–29 March 2026 eleven hours and keeps 07:00 local on both sides", () => {
    const night = shiftAt(at("2026-03-29T01:30:00Z"), paris);
    expect(night.key).toBe("2026-03-28/night");
    expect(night.startsAt).toBe(at("2026-03-28T18:00:00Z")); // 19:00 CET
    expect(night.endsAt).toBe(at("2026-03-29T05:00:00Z")); // 07:00 CEST
    expect(night.endsAt - night.startsAt).toBe(11 * HOUR);

    const day = nextShift(night, paris);
    expect(day.key).toBe("2026-03-29/day");
    expect(day.endsAt - day.startsAt).toBe(12 * HOUR);
    expect(day.endsAt).toBe(at("2026-03-29T17:00:00Z")); // 19:00 CEST
  });

  it("gives the fall-back night of 24–25 October 2026 thirteen hours, the repeated hour counted once", () => {
    const night = shiftAt(at("2026-10-25T01:30:00Z"), paris); // 02:30 CET, the second 02:30 of the night
    expect(night.key).toBe("2026-10-24/night");
    expect(night.startsAt).toBe(at("2026-10-24T17:00:00Z")); // 19:00 CEST
    expect(night.endsAt).toBe(at("2026-10-25T06:00:00Z")); // 07:00 CET
    expect(night.endsAt - night.startsAt).toBe(13 * HOUR);
    expect(shiftAt(at("2026-10-25T00:30:00Z"), paris).key).toBe("2026-10-24/night"); // the first 02:30
    expect(previousShift(night, paris).endsAt - previousShift(night, paris).startsAt).toBe(12 * HOUR);
  });

  it("follows the unit's zone, not the server's", () => {
    const montreal = shiftAt(at("2026-01-15T12:00:00Z"), {
      pattern: DEFAULT_SHIFT_PATTERN,
      timeZone: "America/Montreal",
    });
    expect(montreal.key).toBe("2026-01-15/day");
    expect(montreal.startsAt).toBe(at("2026-01-15T12:00:00Z"));
    expect(shiftAt(at("2026-01-15T06:59:59Z"), { pattern: DEFAULT_SHIFT_PATTERN, timeZone: "UTC" }).key).toBe(
      "2026-01-14/night",
    );
  });
});

describe("the shifts between two instants", () => {
  it("lists every shift overlapping the range, contiguous, across both 2026 changes in Paris", () => {
    for (const [from, to, hours] of [
      ["2026-03-27T12:00:00Z", "2026-03-31T12:00:00Z", 4 * 24 - 1],
      ["2026-10-23T12:00:00Z", "2026-10-27T12:00:00Z", 4 * 24 + 1],
    ] as const) {
      const shifts = shiftsBetween(at(from), at(to), paris);
      expect(shifts.length).toBeGreaterThan(0);
      expect(shifts[0]!.startsAt).toBeLessThanOrEqual(at(from));
      expect(shifts.at(-1)!.endsAt).toBeGreaterThan(at(to));
      for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.startsAt).toBe(shifts[i - 1]!.endsAt);
      // Every local 07:00 and 19:00 stays a boundary: nothing drifts by the hour gained or lost.
      for (const s of shifts) {
        const local = new Intl.DateTimeFormat("en-GB", {
          timeZone: "Europe/Paris",
          hour: "2-digit",
          minute: "2-digit",
        });
        expect([local.format(s.startsAt), local.format(s.endsAt)]).toEqual([s.startTime, s.endTime]);
      }
      const firstDayStart = shifts.find((s) => s.name === "day")!.startsAt;
      const lastDayStart = shifts.findLast((s) => s.name === "day")!.startsAt;
      expect(lastDayStart - firstDayStart).toBe(hours * HOUR);
    }
  });

  it("gives none for an empty or reversed range and one for a range inside a shift", () => {
    expect(shiftsBetween(at("2026-01-15T12:00:00Z"), at("2026-01-15T12:00:00Z"), paris)).toEqual([]);
    expect(shiftsBetween(at("2026-01-15T13:00:00Z"), at("2026-01-15T12:00:00Z"), paris)).toEqual([]);
    expect(shiftsBetween(at("2026-01-15T12:00:00Z"), at("2026-01-15T13:00:00Z"), paris).map((s) => s.key)).toEqual([
      "2026-01-15/day",
    ]);
  });

  it("refuses a range of thousands of shifts rather than building it", () => {
    expect(() => shiftsBetween(at("2020-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), paris)).toThrow(RangeError);
  });
});

describe("a configured pattern", () => {
  it("runs three eight-hour shifts, the last one ending on the next day", () => {
    const pattern = ZShiftPattern.parse({
      shifts: [
        { name: "night", start: "21:00" },
        { name: "morning", start: "06:30" },
        { name: "evening", start: "13:45" },
      ],
    });
    expect(pattern.shifts.map((s) => s.name)).toEqual(["morning", "evening", "night"]);
    const context = { pattern, timeZone: "Europe/Paris" };
    const keys = shiftsBetween(at("2026-06-01T04:00:00Z"), at("2026-06-02T04:00:00Z"), context).map((s) => s.key);
    expect(keys).toEqual(["2026-05-31/night", "2026-06-01/morning", "2026-06-01/evening", "2026-06-01/night"]);
    expect(shiftAt(at("2026-06-01T19:30:00Z"), context)).toMatchObject({
      name: "night",
      startTime: "21:00",
      endTime: "06:30",
    });
  });

  it("drops a shift whose start falls in the spring-forward gap onto the next start, lasting no time", () => {
    const pattern = ZShiftPattern.parse({
      shifts: [
        { name: "a", start: "02:00" },
        { name: "b", start: "03:00" },
        { name: "c", start: "12:00" },
      ],
    });
    const context = { pattern, timeZone: "Europe/Paris" };
    const keys = shiftsBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T12:00:00Z"), context).map((s) => s.key);
    expect(keys).toEqual(["2026-03-28/c", "2026-03-29/b", "2026-03-29/c"]);
    expect(shiftByKey("2026-03-29/a", context)).toBeNull();
  });

  it("is a single 24-hour shift when only one is defined", () => {
    const context = { pattern: ZShiftPattern.parse({ shifts: [{ name: "day", start: "08:00" }] }), timeZone: "UTC" };
    const shift = shiftAt(at("2026-01-15T07:00:00Z"), context);
    expect(shift).toMatchObject({
      key: "2026-01-14/day",
      startsAt: at("2026-01-14T08:00:00Z"),
      endsAt: at("2026-01-15T08:00:00Z"),
    });
  });

  it("refuses two shifts at the same time or with the same name, and a time that is not HH:MM, saying where", () => {
    const same = ZShiftPattern.safeParse({
      shifts: [
        { name: "day", start: "07:00" },
        { name: "late", start: "07:00" },
      ],
    });
    expect(same.success).toBe(false);
    expect(same.error?.issues[0]).toMatchObject({ path: ["shifts", 1, "start"], message: "Two shifts start at 07:00" });
    expect(
      ZShiftPattern.safeParse({
        shifts: [
          { name: "Day", start: "07:00" },
          { name: "day", start: "19:00" },
        ],
      }).success,
    ).toBe(false);
    const bad = ZShiftPattern.safeParse({ shifts: [{ name: "day", start: "7:00" }] });
    expect(bad.error?.issues[0]?.path).toEqual(["shifts", 0, "start"]);
    expect(ZShiftPattern.safeParse({ shifts: [] }).success).toBe(false);
    expect(ZShiftPattern.safeParse({ shifts: [{ name: "day", start: "24:00" }] }).success).toBe(false);
  });
});

describe("a shift by its key", () => {
  it("finds the shift a key names, across a change, and nothing for a name the pattern lacks or a malformed key", () => {
    const night = shiftByKey("2026-10-24/night", paris);
    expect(night?.endsAt).toBe(at("2026-10-25T06:00:00Z"));
    expect(shiftByKey("2026-10-24/evening", paris)).toBeNull();
    expect(shiftByKey("24/10/2026 night", paris)).toBeNull();
  });
});
