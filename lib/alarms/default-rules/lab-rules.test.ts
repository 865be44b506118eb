import { describe, expect, it } from "vitest";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import { H, T0, episodeOf, read, ruleById, run, story } from "../testing";

describe("the lab rules added for issue 16", () => {
  it("anti-Xa above 0.7 IU/mL is high priority and supersedes the medium out-of-target alarm (ELSO: hold heparin)", () => {
    const { transitions } = run({
      steps: [read("anti_xa", 0.6, T0 + H), read("anti_xa", 0.8, T0 + 7 * H), read("anti_xa", 0.4, T0 + 13 * H)],
      episode: episodeOf("VA_ECMO"),
    });
    expect(story(transitions.filter((t) => t.ruleId.startsWith("anti-xa-") && t.ruleId !== "anti-xa-overdue"))).toEqual(
      [
        "anti-xa-out-of-target raised medium",
        "anti-xa-hold-heparin raised high",
        "anti-xa-out-of-target cleared by anti-xa-hold-heparin",
        "anti-xa-hold-heparin cleared",
      ],
    );
    expect(transitions.find((t) => t.ruleId === "anti-xa-hold-heparin")?.source.id).toBe("elso2021");
  });

  it("LDH above 1000 U/L is raised while it rises, and ends when it stops rising", () => {
    const { transitions } = run({
      steps: [800, 1200, 1500, 1400].map((v, i) => read("ldh", v, T0 + (i + 1) * 12 * H)),
      episode: episodeOf("VA_ECMO"),
    });
    expect(story(transitions, "ldh-rising")).toEqual(["raised medium", "cleared"]);
  });

  it("judges free haemoglobin and LDH on VA-ECMO only (the circuit's haemolysis)", () => {
    const steps = [read("free_hb", 80, T0 + H)];
    expect(story(run({ steps, episode: episodeOf("VA_ECMO") }).transitions, "free-hb-high")).toEqual(["raised medium"]);
    expect(story(run({ steps, episode: episodeOf("IABP") }).transitions, "free-hb-high")).toEqual([]);
  });

  it("anti-Xa is overdue after the catalogue's 12 h, the same limit the handover's next-due reads", () => {
    expect(ruleById("anti-xa-overdue")).toMatchObject({ maxAgeMs: CLINICAL_LIMITS.antiXaMaxAge.value });
  });
});
