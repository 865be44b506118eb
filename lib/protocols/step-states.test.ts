import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "./protocols";
import { checkSignable, isComplete, nextStep, stepStates, type TStepSignature } from "./step-states";

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2026, 11, 3, 8);
const weaning = PROTOCOLS["iabp-weaning"];
const sign = (stepId: string, doneAt: number, occurrence = 1): TStepSignature => ({
  stepId,
  occurrence,
  doneAt,
  signedBy: "Nurse A",
});
const kindOf = (states: ReturnType<typeof stepStates>, stepId: string) => states.find((s) => s.stepId === stepId)?.kind;

describe("stepStates, IABP weaning", () => {
  it("runs the first ratio step from the anchor: pending before 1 h, due from 1 h to 6 h, overdue after", () => {
    const plan = { anchorAt: T0, signatures: [] };
    expect(kindOf(stepStates(weaning, plan, T0 + 59 * MIN), "ratio-1-2")).toBe("pending");
    expect(kindOf(stepStates(weaning, plan, T0 + H), "ratio-1-2")).toBe("due");
    expect(kindOf(stepStates(weaning, plan, T0 + 6 * H), "ratio-1-2")).toBe("due");
    expect(kindOf(stepStates(weaning, plan, T0 + 6 * H + 1), "ratio-1-2")).toBe("overdue");
    // Later steps have no time until the step they follow is signed.
    expect(kindOf(stepStates(weaning, plan, T0 + 7 * H), "ratio-1-4")).toBe("waiting");
  });

  it("starts each step's clock from the signature of the step before, not from the plan's start", () => {
    const plan = { anchorAt: T0, signatures: [sign("ratio-1-2", T0 + 2 * H)] };
    const states = stepStates(weaning, plan, T0 + 2 * H + 30 * MIN);
    expect(states.find((s) => s.stepId === "ratio-1-2")).toMatchObject({ kind: "done", done: { at: T0 + 2 * H } });
    expect(states.find((s) => s.stepId === "ratio-1-4")).toMatchObject({
      kind: "pending",
      earliestAt: T0 + 3 * H,
      latestAt: T0 + 8 * H,
    });
  });

  it("times removal 1 h after heparin stopped, compression ≥ 30 min, limb checks and 24 h flat rest after removal", () => {
    const removal = T0 + 10 * H;
    const plan = {
      anchorAt: T0,
      signatures: [
        sign("ratio-1-2", T0 + H),
        sign("ratio-1-4", T0 + 2 * H),
        sign("heparin-stopped", T0 + 9 * H),
        sign("balloon-removed", removal),
      ],
    };
    const states = stepStates(weaning, plan, removal + 20 * MIN);
    expect(states.find((s) => s.stepId === "balloon-removed")?.earliestAt).toBe(T0 + 10 * H);
    expect(states.find((s) => s.stepId === "compression-ended")).toMatchObject({
      kind: "pending",
      earliestAt: removal + 30 * MIN,
    });
    expect(states.find((s) => s.stepId === "limb-check-60")).toMatchObject({ earliestAt: removal + H });
    expect(states.find((s) => s.stepId === "flat-rest-ended")).toMatchObject({ earliestAt: removal + 24 * H });
    expect(kindOf(stepStates(weaning, plan, removal + 76 * MIN), "limb-check-60")).toBe("overdue");
  });

  it("refuses a removal signed less than 1 h after heparin stopped, and a step whose previous one is unsigned", () => {
    const plan = {
      anchorAt: T0,
      signatures: [sign("ratio-1-2", T0 + H), sign("ratio-1-4", T0 + 2 * H), sign("heparin-stopped", T0 + 7 * H)],
    };
    const states = stepStates(weaning, plan, T0 + 7 * H + 40 * MIN);
    expect(checkSignable(states, "balloon-removed", T0 + 7 * H + 40 * MIN)).toEqual({ ok: false, reason: "too-early" });
    expect(checkSignable(states, "balloon-removed", T0 + 8 * H)).toEqual({ ok: true, occurrence: 1 });
    expect(checkSignable(states, "compression-ended", T0 + 8 * H)).toEqual({ ok: false, reason: "waiting" });
    expect(checkSignable(states, "ratio-1-2", T0 + 8 * H)).toEqual({ ok: false, reason: "already-done" });
    expect(checkSignable(states, "no-such-step", T0 + 8 * H)).toEqual({ ok: false, reason: "unknown-step" });
    // Flat rest cannot end before the balloon came out, nor the heparin stop come before the 1:4 step.
    expect(
      checkSignable(
        stepStates(weaning, { anchorAt: T0, signatures: plan.signatures.slice(0, 2) }, T0 + 3 * H),
        "heparin-stopped",
        T0 + H,
      ),
    ).toEqual({ ok: false, reason: "before-previous" });
    // A review step may be signed early: the nurse stepped down sooner, as the patient tolerated.
    expect(checkSignable(stepStates(weaning, { anchorAt: T0, signatures: [] }, T0), "ratio-1-2", T0)).toEqual({
      ok: true,
      occurrence: 1,
    });
  });

  it("puts the most overdue step first, else the soonest due, and is complete once every step is signed", () => {
    const plan = { anchorAt: T0, signatures: [] };
    expect(nextStep(stepStates(weaning, plan, T0))?.stepId).toBe("ratio-1-2");
    const all = weaning.steps.map((s, i) => sign(s.id, T0 + (i + 1) * 30 * H));
    const done = stepStates(weaning, { anchorAt: T0, signatures: all }, T0 + 1000 * H);
    expect(isComplete(done, weaning)).toBe(true);
    expect(nextStep(done)).toBeNull();
    expect(isComplete(stepStates(weaning, plan, T0), weaning)).toBe(false);
  });
});

describe("stepStates, DPC and helium check", () => {
  it("owes a distal perfusion cannula within 6 h of the cannulation time", () => {
    const dpc = PROTOCOLS["dpc-after-cannulation"];
    const plan = { anchorAt: T0, signatures: [] };
    expect(kindOf(stepStates(dpc, plan, T0 + 6 * H), "dpc-placed")).toBe("due");
    const late = stepStates(dpc, plan, T0 + 6 * H + MIN);
    expect(late[0]).toMatchObject({ kind: "overdue", overduePriority: "medium", latestAt: T0 + 6 * H });
  });

  it("brings the helium check back 2 h after each signature, and never completes", () => {
    const helium = PROTOCOLS["helium-check"];
    const plan = { anchorAt: T0, signatures: [sign("autofill-checked", T0 + 2 * H, 1)] };
    const states = stepStates(helium, plan, T0 + 3 * H);
    expect(states.map((s) => [s.occurrence, s.kind])).toEqual([
      [1, "done"],
      [2, "pending"],
    ]);
    expect(states[1]?.latestAt).toBe(T0 + 4 * H);
    expect(kindOf(stepStates(helium, plan, T0 + 4 * H + 1), "autofill-checked")).toBe("done");
    expect(stepStates(helium, plan, T0 + 4 * H + 1)[1]?.kind).toBe("overdue");
    expect(checkSignable(states, "autofill-checked", T0 + 3 * H)).toEqual({ ok: true, occurrence: 2 });
    expect(isComplete(states, helium)).toBe(false);
  });
});
