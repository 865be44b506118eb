import { describe, expect, it } from "vitest";
import { DEVICE_TYPES } from "@/lib/catalogue";
import { DEFAULT_ROUND_TEMPLATES } from "./default-templates";
import { ZRoundTemplateInput, describeTemplateIssues, frequenciesOf } from "./template";

const item = {
  itemId: "puncture_site",
  sectionEn: "Puncture site",
  sectionFr: "Point de ponction",
  labelEn: "Puncture site",
  labelFr: "Point de ponction",
  frequency: "hourly",
  type: "normal_abnormal",
};
const messages = (input: unknown) => {
  const parsed = ZRoundTemplateInput.safeParse(input);
  return parsed.success ? [] : describeTemplateIssues(parsed.error);
};

describe("a round checklist template", () => {
  it("is refused without items, saying so", () => {
    expect(messages({ deviceType: "IABP", items: [] })).toEqual(["items: A checklist needs at least one item"]);
  });

  it("is refused with an unknown item type, naming the item and the types it may have", () => {
    const issues = messages({ deviceType: "IABP", items: [item, { ...item, itemId: "x", type: "photo" }] });
    expect(issues).toEqual(["items.1.type: Unknown item type: expected one of check, normal_abnormal, number, choice"]);
  });

  it("is refused when a number feeds a catalogue parameter in another unit or beyond its plausible range", () => {
    const urine = {
      ...item,
      itemId: "urine",
      type: "number",
      unit: "mL",
      min: 0,
      max: 5000,
      parameter: "urine_output",
    };
    const issues = messages({ deviceType: "IABP", items: [urine] });
    expect(issues).toContain("items.0.unit: urine_output is recorded in mL/h, not mL");
    expect(issues).toContain("items.0.min: The range must stay within urine_output's plausible range 0–1000");
    expect(messages({ deviceType: "IABP", items: [{ ...urine, parameter: "urine_flow" }] })).toContain(
      'items.0.parameter: Unknown catalogue parameter "urine_flow"',
    );
  });

  it("is refused with two items of one id or a choice list repeating a value", () => {
    const choice = {
      ...item,
      itemId: "pulse",
      type: "choice",
      choices: [
        { value: "a", labelEn: "A", labelFr: "A", abnormal: false },
        { value: "a", labelEn: "B", labelFr: "B", abnormal: true },
      ],
    };
    expect(messages({ deviceType: "IABP", items: [item, item, choice] })).toEqual([
      'items.1.itemId: Two items have the id "puncture_site"',
      "items.2.choices: Two choices have the same value",
    ]);
  });

  it.each(DEVICE_TYPES)("ships a valid built-in checklist for %s", (deviceType) => {
    const template = DEFAULT_ROUND_TEMPLATES[deviceType];
    expect(messages(template)).toEqual([]);
    // docs/clinical-reference.md §5: the IABP protocol has daily checks (chest X-ray, bloods); VA-ECMO's are start of
    // shift and hourly.
    expect(frequenciesOf(template.items)).toEqual(
      deviceType === "VA_ECMO" ? ["hourly", "shift"] : ["hourly", "shift", "daily"],
    );
  });

  it("asks the shared limb checks once for a patient on both devices", () => {
    const ids = DEFAULT_ROUND_TEMPLATES.VA_ECMO_IABP.items.map((i) => i.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "leg_left.pulse",
        "iabp.radial_left",
        "ecmo.emergency_kit",
        "iabp.helium_level",
        "nirs_left",
      ]),
    );
  });
});
