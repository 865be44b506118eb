import { describe, expect, it } from "vitest";
import { formatRejectionCsv } from "./format-rejection-csv";

describe("formatRejectionCsv", () => {
  it("quotes cells with commas, quotes and line breaks", () => {
    expect(
      formatRejectionCsv({
        location: "a.csv line 2",
        field: "value",
        value: 'x,"y"\nz',
        code: "NOT_NUMERIC",
        reason: "not a number",
      }),
    ).toBe('a.csv line 2,value,"x,""y""\nz",NOT_NUMERIC,not a number\r\n');
  });

  it("defuses a value a spreadsheet would run as a formula", () => {
    expect(
      formatRejectionCsv({ location: "l", field: "f", value: "=HYPERLINK(1)", code: "NOT_NUMERIC", reason: "r" }),
    ).toBe("l,f,'=HYPERLINK(1),NOT_NUMERIC,r\r\n");
  });
});
