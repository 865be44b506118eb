import { describe, expect, it } from "vitest";
import { RequestError } from "@/lib/client/request-error";
import { issuesAllOnRows, lengthsOf, newRow, patternOf, rowMessages } from "./shift-pattern-rows";

const rows = (...starts: string[]) => starts.map((start, i) => newRow(`s${i}`, start));

describe("lengthsOf", () => {
  it("runs each shift to the next start, the last one to the first start the next day", () => {
    expect(lengthsOf(rows("07:00", "19:00"))).toEqual([720, 720]);
    // Rows in any order: lengths follow the times, not the rows.
    expect(lengthsOf(rows("23:00", "07:00", "15:00"))).toEqual([480, 480, 480]);
    expect(lengthsOf(rows("07:30", "19:00", "22:15"))).toEqual([690, 195, 555]);
  });

  it("gives one shift the whole day", () => {
    expect(lengthsOf(rows("06:00"))).toEqual([1440]);
  });

  it("leaves out a time not yet valid and two rows at the same time", () => {
    expect(lengthsOf(rows("07:00", "", "19:00"))).toEqual([720, null, 720]);
    expect(lengthsOf(rows("07:00", "07:00", "19:00"))).toEqual([null, null, 1440]);
    expect(lengthsOf(rows("24:00", "19:00"))).toEqual([null, 1440]);
  });
});

describe("the server's messages", () => {
  const refusal = new RequestError(400, "INVALID_INPUT", "Invalid input.", undefined, undefined, [
    { field: "shifts.2.start", message: "Two shifts start at 07:00" },
    { field: "shifts.1.name", message: 'Two shifts are named "day"' },
  ]);

  it("go beside the row and the input they name", () => {
    expect(rowMessages(refusal, 2)).toEqual({ start: "Two shifts start at 07:00" });
    expect(rowMessages(refusal, 1)).toEqual({ name: 'Two shifts are named "day"' });
    expect(rowMessages(refusal, 0)).toEqual({});
    expect(rowMessages(new Error("network"), 0)).toEqual({});
    expect(issuesAllOnRows(refusal)).toBe(true);
  });

  it("are said whole when one of them is not a row's", () => {
    const whole = new RequestError(400, "INVALID_INPUT", "Invalid input.", undefined, undefined, [
      { field: "shifts", message: "Too big: expected at most 6 items" },
    ]);
    expect(issuesAllOnRows(whole)).toBe(false);
    expect(issuesAllOnRows(new RequestError(403, "FORBIDDEN", "no"))).toBe(false);
  });
});

it("sends the rows as typed, names trimmed", () => {
  expect(patternOf([newRow(" day ", "07:00"), newRow("night", "19:00")])).toEqual({
    shifts: [
      { name: "day", start: "07:00" },
      { name: "night", start: "19:00" },
    ],
  });
});
