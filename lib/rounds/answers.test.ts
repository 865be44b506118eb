import { describe, expect, it } from "vitest";
import { DEFAULT_ROUND_TEMPLATES } from "./default-templates";
import { checkRoundAnswers, itemsAsked, parseNumberAnswer } from "./answers";

const IABP = DEFAULT_ROUND_TEMPLATES.IABP.items;
const hourly = itemsAsked(IABP, ["hourly"]);
const allNormal = hourly.map((item) => ({
  itemId: item.itemId,
  value:
    item.type === "check"
      ? "done"
      : item.type === "normal_abnormal"
        ? "normal"
        : item.type === "choice"
          ? "present"
          : "40",
}));

describe("checking a round's answers against its checklist", () => {
  it("asks only the items of the open frequencies", () => {
    expect(hourly.every((i) => i.frequency === "hourly")).toBe(true);
    expect(itemsAsked(IABP, ["hourly", "shift", "daily"])).toHaveLength(IABP.length);
  });

  it("stores a complete round, with its numbers as numbers", () => {
    const check = checkRoundAnswers(hourly, allNormal);
    expect(check.ok).toBe(true);
    if (check.ok)
      expect(check.answers.find((a) => a.itemId === "urine_output")).toMatchObject({
        numberValue: 40,
        abnormal: false,
      });
  });

  it("refuses a round with one item unanswered, naming it", () => {
    const check = checkRoundAnswers(
      hourly,
      allNormal.filter((a) => a.itemId !== "iabp.puncture_site"),
    );
    expect(check).toEqual({
      ok: false,
      issues: [
        {
          itemId: "iabp.puncture_site",
          code: "MISSING",
          message: "Puncture site: bleeding, haematoma, infection: not answered",
        },
      ],
    });
  });

  it("keeps an abnormal finding only with its comment", () => {
    const weak = allNormal.map((a) => (a.itemId === "leg_left.pulse" ? { ...a, value: "weak" } : a));
    const refused = checkRoundAnswers(hourly, weak);
    expect(refused.ok ? [] : refused.issues.map((i) => i.code)).toEqual(["COMMENT_REQUIRED"]);
    const withComment = checkRoundAnswers(
      hourly,
      weak.map((a) => (a.itemId === "leg_left.pulse" ? { ...a, comment: "Cool foot, weak Doppler" } : a)),
    );
    expect(withComment.ok && withComment.answers.find((a) => a.itemId === "leg_left.pulse")).toMatchObject({
      abnormal: true,
      comment: "Cool foot, weak Doppler",
    });
  });

  it("refuses an implausible number, an unknown choice and an item the round does not ask", () => {
    const bad = allNormal.map((a) =>
      a.itemId === "urine_output"
        ? { ...a, value: "4000" }
        : a.itemId === "iabp.radial_left"
          ? { ...a, value: "maybe" }
          : a,
    );
    const check = checkRoundAnswers(hourly, [...bad, { itemId: "transit", value: "normal" }]);
    expect(check.ok ? [] : check.issues.map((i) => `${i.itemId}:${i.code}`)).toEqual([
      "iabp.radial_left:UNKNOWN_VALUE",
      "urine_output:OUT_OF_RANGE",
      "transit:NOT_ASKED",
    ]);
  });

  it("reads a decimal comma as a French keypad types it", () => {
    expect(parseNumberAnswer("12,5")).toBe(12.5);
    expect(parseNumberAnswer("1e3")).toBeNull();
    expect(parseNumberAnswer("")).toBeNull();
  });
});
