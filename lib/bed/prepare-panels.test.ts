import { describe, expect, it } from "vitest";
import { prepareDevicePanel } from "./prepare-device-panel";
import { prepareLabsPanel } from "./prepare-labs";
import { bedDetailFixture } from "./testing";

const T0 = Date.UTC(2025, 0, 6, 8);
const M = 60_000;
const H = 60 * M;
const latest = (value: number, at: number, reference: { value: number; observedAt: number } | null = null) => ({
  seq: 1,
  value,
  observedAt: at,
  reference,
});

describe("prepareDevicePanel", () => {
  it("times a stopped balloon from its first stopped reading and flags it after 20 min", () => {
    const detail = bedDetailFixture({
      deviceType: "IABP",
      startedAt: T0,
      latest: {
        iabp_pumping: latest(0, T0 + 5 * H),
        iabp_aug: latest(95, T0 + 5 * H),
        iabp_sys: latest(100, T0 + 5 * H),
        iabp_ratio: latest(2, T0 + 5 * H),
      },
      runs: { pumping: { value: 0, since: T0 + 5 * H - 21 * M }, ratio: { value: 2, since: T0 + 2 * H } },
    });
    const panel = prepareDevicePanel(detail, "en", T0 + 5 * H + 3_000);
    expect(panel?.iabp?.pumping).toMatchObject({
      on: false,
      stoppedSince: T0 + 5 * H - 21 * M,
      overLimit: true,
      limitMs: 20 * M,
    });
    expect(panel?.iabp?.pumping.stoppedForMs).toBe(21 * M + 3_000);
    expect(panel?.iabp?.augmentationOk).toBe(false);
    expect(panel?.iabp?.ratioText).toBe("1:2");
    expect(panel?.iabp?.weaning).toEqual({ ratio: 2, since: T0 + 2 * H, reviewFrom: T0 + 3 * H, reviewBy: T0 + 8 * H });
    expect(panel?.ecmo).toBeNull();
    expect(panel?.iabp?.aug.age).toEqual({ unit: "seconds", count: 3 });
  });

  it("compares ΔP/flow with the baseline and the legs' NIRS with each other", () => {
    const at = T0 + 30 * H;
    const detail = bedDetailFixture({
      startedAt: T0,
      latest: {
        ecmo_dp: latest(40, at),
        ecmo_flow: latest(4, at),
        nirs_left: latest(45, at),
        nirs_right: latest(70, at),
      },
      dpFlowBaseline: { dp: 22, flow: 4, from: T0, to: T0 + 24 * H, complete: true },
    });
    const panel = prepareDevicePanel(detail, "en", at + 1_000);
    expect(panel?.ecmo?.dpFlow?.comparison?.flagged).toBe(true);
    expect(panel?.ecmo?.nirs).toMatchObject({ difference: 25, flagged: true, flagFrom: 20, left: { status: "low" } });
    expect(panel?.iabp).toBeNull();
    expect(panel?.common.map((v) => v.code)).toEqual(["map", "hr", "spo2_right", "urine_output"]);
  });
});

describe("prepareLabsPanel", () => {
  it("shows each lab with its age, delta, target in force and source, and what the history computes", () => {
    const detail = bedDetailFixture({
      startedAt: T0,
      labs: {
        lactate: [
          { seq: 1, value: 4.0, observedAt: T0 + 18 * H },
          { seq: 2, value: 3.0, observedAt: T0 + 24 * H },
        ],
        anti_xa: [
          { seq: 3, value: 0.2, observedAt: T0 },
          { seq: 4, value: 0.4, observedAt: T0 + 12 * H },
          { seq: 5, value: 0.6, observedAt: T0 + 24 * H },
        ],
      },
    });
    const panel = prepareLabsPanel(detail, "en", T0 + 26 * H);
    const lactate = panel?.rows.find((r) => r.code === "lactate");
    expect(lactate).toMatchObject({
      text: "3.0",
      age: { unit: "hours", count: 2 },
      delta: { text: "−1.0", direction: "down" },
      targetText: "< 2.0",
      status: "high",
    });
    expect(lactate?.targetSource?.citation).toMatch(/SCAI/);
    expect(panel?.rows.map((r) => r.code)).toEqual([
      "lactate",
      "anti_xa",
      "platelets",
      "hemoglobin",
      "fibrinogen",
      "ldh",
    ]);
    expect(panel?.clearance6h?.pct).toBe(25);
    expect(panel?.antiXa?.ttr?.pct).toBeCloseTo(50, 10);
    expect(panel?.antiXa?.targetText).toBe("0.30–0.50");
    // On VA-ECMO: stage E by the SCAI 2019 table, whatever the lactate (lib/scores/scai-stage.test.ts).
    expect(panel?.scai).toMatchObject({ stage: "E", criterion: "onVaEcmo" });
    expect(panel?.plateletFall).toBeNull();
  });

  it("uses the IABP anti-Xa target and shows no LDH for a balloon alone", () => {
    const panel = prepareLabsPanel(bedDetailFixture({ deviceType: "IABP" }), "fr", T0);
    expect(panel?.antiXa?.targetText).toBe("0,30–0,40");
    expect(panel?.rows.map((r) => r.code)).not.toContain("ldh");
  });
});
