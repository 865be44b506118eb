import { describe, expect, it } from "vitest";
import { H, T0, episodeOf, read, run, story } from "../testing";

const hourly = (values: readonly number[]) => values.map((v, i) => read("urine_output", v, T0 + (i + 1) * H));

describe("urine output < 0.5 mL/kg/h over 2 h (urine-output-low)", () => {
  it("raises on the mean of the last two hours for the weight on file, and clears when it recovers", () => {
    const { transitions } = run({
      steps: hourly([60, 30, 30, 40, 40]),
      episode: episodeOf("VA_ECMO", { weightKg: 70 }),
    });
    expect(story(transitions, "urine-output-low")).toEqual(["raised medium", "cleared"]);
    const raised = transitions.find((t) => t.ruleId === "urine-output-low");
    expect(raised).toMatchObject({ unit: "mL/kg/h", limit: 0.5, observedAt: T0 + 3 * H });
    expect(raised?.value).toBeCloseTo(30 / 70, 6);
  });

  it("says nothing without a weight on file, nor on a single hour", () => {
    expect(story(run({ steps: hourly([10, 10, 10]), episode: episodeOf("IABP") }).transitions)).toEqual([]);
    expect(
      story(run({ steps: hourly([10]), episode: episodeOf("IABP", { weightKg: 80 }) }).transitions, "urine-output-low"),
    ).toEqual([]);
  });

  it("does not average across a gap: two hours apart is not two hours of urine", () => {
    const steps = [read("urine_output", 10, T0), read("urine_output", 10, T0 + 3 * H)];
    expect(story(run({ steps, episode: episodeOf("IABP", { weightKg: 80 }) }).transitions)).toEqual([]);
  });
});
