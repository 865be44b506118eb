import { describe, expect, it } from "vitest";
import { CLINICAL_LIMITS } from "@/lib/catalogue";
import { H, MIN, T0, episodeOf, read, ruleById, run, story, tick } from "../testing";

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

  describe("anti-Xa overdue runs only while heparin runs (issue 15)", () => {
    const rules = [ruleById("anti-xa-overdue")];
    const due = CLINICAL_LIMITS.antiXaMaxAge.value;

    it("raises nothing while heparin is stopped, however long since the last anti-Xa", () => {
      const stopped = episodeOf("VA_ECMO", { heparin: { running: false, since: T0 } });
      expect(run({ steps: [tick(T0 + 2 * due)], episode: stopped, rules }).transitions).toEqual([]);
    });

    it("ends an open overdue alarm when heparin stops", () => {
      const running = episodeOf("VA_ECMO", { heparin: { running: true, since: T0 } });
      const first = run({ steps: [tick(T0 + due + MIN)], episode: running, rules });
      expect(story(first.transitions)).toEqual(["anti-xa-overdue raised medium"]);
      const stopped = episodeOf("VA_ECMO", { heparin: { running: false, since: T0 + due + 2 * MIN } });
      const then = run({ steps: [tick(T0 + due + 3 * MIN)], episode: stopped, rules, state: first.state });
      expect(story(then.transitions)).toEqual(["anti-xa-overdue cleared"]);
    });

    it("counts the interval again from a restart of heparin, not from the last anti-Xa", () => {
      const restarted = episodeOf("VA_ECMO", { heparin: { running: true, since: T0 + 2 * due } });
      const steps = [read("anti_xa", 0.35, T0 + H), tick(T0 + 2 * due + due - MIN), tick(T0 + 3 * due + MIN)];
      expect(story(run({ steps, episode: restarted, rules }).transitions)).toEqual(["anti-xa-overdue raised medium"]);
      const at = run({ steps: steps.slice(0, 2), episode: restarted, rules });
      expect(at.transitions).toEqual([]);
    });

    it("runs as before when no heparin rate was ever recorded", () => {
      expect(story(run({ steps: [tick(T0 + due + MIN)], episode: episodeOf("VA_ECMO"), rules }).transitions)).toEqual([
        "anti-xa-overdue raised medium",
      ]);
    });
  });
});
