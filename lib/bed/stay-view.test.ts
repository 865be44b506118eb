import { describe, expect, it } from "vitest";
import type { TBedDetail } from "./bed-detail";
import { bedScopeOf, targetIn } from "./bed-scope";
import { mergeBedDetail } from "./merge-bed-detail";
import { prepareDevicePanel, prepareStayPanel } from "./prepare-device-panel";
import { prepareLabsPanel } from "./prepare-labs";
import { bedDetailFixture } from "./testing";
import { trendChartsFor, trendParametersFor } from "./trend-charts";

const T0 = Date.UTC(2025, 0, 6, 8);
const H = 3_600_000;

/** A patient admitted at T0 with no support running; the balloon ran from T0 + 1 h to T0 + 5 h when `afterIabp`. */
function stayDetail(afterIabp: boolean, patch: Partial<TBedDetail> = {}): TBedDetail {
  return bedDetailFixture({
    episode: null,
    stay: {
      id: "s1",
      admittedAt: T0,
      lastSupport: afterIabp ? { deviceType: "IABP", startedAt: T0 + H, endedAt: T0 + 5 * H } : null,
    },
    serverTime: T0 + 8 * H,
    ...patch,
  });
}

const lactate = (seq: number, hours: number, value: number) => ({ seq, value, observedAt: T0 + hours * H });

describe("the bed view of a stay with no support running (issue 15)", () => {
  it("covers the stay from its admission, charting the last support's values, with no device of its own", () => {
    expect(bedScopeOf(stayDetail(true))).toEqual({
      deviceType: null,
      chartDeviceType: "IABP",
      since: T0,
      episodeId: null,
    });
    expect(bedScopeOf(stayDetail(false))?.chartDeviceType).toBeNull();
    expect(bedScopeOf(bedDetailFixture({ episode: null }))).toBeNull();
    expect(bedScopeOf(bedDetailFixture({ deviceType: "IABP", startedAt: T0 }))).toMatchObject({
      deviceType: "IABP",
      since: T0,
      episodeId: "e1",
    });
  });

  it("keeps only the targets every support shares: lactate yes, a device's heparin range no", () => {
    expect(targetIn("lactate", null)).toEqual(targetIn("lactate", "IABP"));
    expect(targetIn("lactate", null)).toBeDefined();
    expect(targetIn("anti_xa", null)).toBeUndefined();
    expect(targetIn("anti_xa", "IABP")).toBeDefined();
  });

  it("charts monitoring, limbs and labs before any support; the balloon's charts too after it ran", () => {
    const before = trendChartsFor(null).map((c) => c.id);
    expect(before).toEqual(expect.arrayContaining(["haemodynamics", "limb", "lactate", "anti_xa"]));
    expect(before.some((id) => id.startsWith("iabp") || id.startsWith("ecmo"))).toBe(false);
    expect(trendParametersFor(null)).not.toContain("helium_level");
    expect(trendChartsFor("IABP").map((c) => c.id)).toContain("iabp_helium");
  });

  it("shows the patient's values with their ages and no device section", () => {
    const detail = stayDetail(true, {
      latest: { nirs_left: { seq: 3, value: 41, observedAt: T0 + 7 * H, reference: null } },
    });
    expect(prepareDevicePanel(detail, "en", detail.serverTime)).toBeNull();
    const panel = prepareStayPanel(detail, "en", detail.serverTime);
    expect(panel?.ecmo).toBeNull();
    expect(panel?.iabp).toBeNull();
    const left = panel?.common.find((v) => v.code === "nirs_left");
    expect(left).toMatchObject({ text: "41", observedAt: T0 + 7 * H, status: "low", age: { unit: "hours" } });
    expect(panel?.common.map((v) => v.code)).not.toContain("helium_level");
    expect(prepareStayPanel(bedDetailFixture(), "en", T0)).toBeNull();
  });

  it("lists the stay's labs, a pre-cannulation lactate judged against its shared target, and no support score", () => {
    const detail = stayDetail(false, {
      labs: { lactate: [lactate(1, 1, 2.2), lactate(2, 3, 4.6)] },
    });
    const labs = prepareLabsPanel(detail, "fr", detail.serverTime);
    const row = labs?.rows.find((r) => r.code === "lactate");
    expect(row).toMatchObject({ text: "4,6", observedAt: T0 + 3 * H, status: "high", delta: { direction: "up" } });
    expect(labs?.rows.find((r) => r.code === "anti_xa")?.targetText).toBeNull();
    expect(labs?.clearanceFromCannulation).toBeNull();
    expect(labs?.antiXa).toBeNull();
    expect(labs?.plateletFall).toBeNull();
    expect(labs?.scai).toMatchObject({ stage: "C", criterion: "lactateAtLeast2" });
  });

  it("merges the stay's live readings (no episode), and reads the detail again once support starts", () => {
    const detail = stayDetail(false);
    const reading = {
      seq: 200,
      episodeId: null,
      bedId: "b1",
      parameter: "lactate",
      value: 3.1,
      observedAt: T0 + 7 * H,
    };
    const merged = mergeBedDetail(detail, [reading]);
    expect(merged.newEpisode).toBe(false);
    expect(merged.detail.latest.lactate).toMatchObject({ value: 3.1, observedAt: T0 + 7 * H });
    expect(merged.detail.labs.lactate).toEqual([{ seq: 200, value: 3.1, observedAt: T0 + 7 * H }]);
    const started = mergeBedDetail(detail, [{ ...reading, seq: 201, episodeId: "e9", parameter: "ecmo_flow" }]);
    expect(started.newEpisode).toBe(true);
    expect(started.detail.latest.ecmo_flow).toBeUndefined();
  });
});
