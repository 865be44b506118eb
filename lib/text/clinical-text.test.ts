import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HOSTILE_TEXT } from "@/test/support/hostile-text";
import { ZClinicalText } from "./clinical-text";

const line = z.object({ reason: ZClinicalText({ max: 20 }).min(3) });
const lines = z.object({ notes: ZClinicalText({ max: 60, multiline: true }) });

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("ZClinicalText", () => {
  it.each(HOSTILE_TEXT)("refuses %s, naming the field and what is wrong", (_name, text) => {
    for (const [schema, field] of [
      [line, "reason"],
      [lines, "notes"],
    ] as const) {
      const issues = issuesOf(schema, { [field]: text.slice(0, 20) });
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]).toMatchObject({ path: field, message: expect.stringMatching(/^contains /) as unknown });
    }
  });

  it("says which kind of character is at fault", () => {
    expect(issuesOf(line, { reason: "a\ud800b" })[0]?.message).toMatch(/broken character/);
    expect(issuesOf(line, { reason: "a\u0000b" })[0]?.message).toMatch(/control character/);
    expect(issuesOf(line, { reason: "a\u202eb" })[0]?.message).toMatch(/text-direction/);
  });

  it("keeps what people write: accents, other scripts, emoji (a surrogate pair), and is trimmed", () => {
    expect(line.parse({ reason: "  Évite l'HTA 🙂 " })).toEqual({ reason: "Évite l'HTA 🙂" });
    expect(line.parse({ reason: "ليلة هادئة" }).reason).toBe("ليلة هادئة");
  });

  it("keeps line feeds and tabs in a multi-line field only", () => {
    expect(lines.parse({ notes: "Line one\n\tLine two" }).notes).toBe("Line one\n\tLine two");
    expect(issuesOf(line, { reason: "one\ntwo" })[0]?.message).toMatch(/control character/);
    expect(issuesOf(lines, { notes: "one\r\ntwo" })[0]?.message).toMatch(/control character/);
  });

  it("counts the limits after trimming, and keeps the caller's minimum", () => {
    expect(line.safeParse({ reason: `   ${"x".repeat(20)}   ` }).success).toBe(true);
    expect(issuesOf(line, { reason: "x".repeat(21) })[0]?.message).toBe("at most 20 characters");
    expect(line.safeParse({ reason: "  ab  " }).success).toBe(false);
  });

  it("leaves a draft untrimmed when asked, as it is saved while typed", () => {
    const draft = ZClinicalText({ max: 10, multiline: true, trim: false });
    expect(draft.parse("Quiet \n")).toBe("Quiet \n");
  });
});
