import { describe, expect, it } from "vitest";
import { parseHl7Number } from "./parse-hl7-number";

describe("parseHl7Number", () => {
  it.each([
    ["5", 5],
    ["+5", 5],
    ["-5", -5],
    ["3.2", 3.2],
    ["-0.25", -0.25],
    [".5", 0.5],
    ["5.", 5],
    ["007.50", 7.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseHl7Number(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["1e1", /exponent/],
    ["2.5E-3", /exponent/],
    ["0x10", /is not a number/],
    ["0b101", /is not a number/],
    ["Infinity", /is not a number/],
    ["-Infinity", /is not a number/],
    ["NaN", /is not a number/],
    ["1_000", /is not a number/],
    ["- 5", /space inside/],
    ["1 000", /space inside/],
    ["1\t5", /space inside/],
    ["", /is not a number/],
    [".", /is not a number/],
    ["+", /is not a number/],
    ["1.2.3", /is not a number/],
    ["++5", /is not a number/],
    ["٣", /is not a number/],
    ["1".repeat(400), /not a finite number/],
  ])("refuses %j, saying why", (text, reason) => {
    const parsed = parseHl7Number(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
