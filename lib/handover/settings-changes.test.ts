import { describe, expect, it } from "vitest";
import { findSettingChanges, settingCodesFor } from "./settings-changes";

const at = (minutes: number) => 1_800_000_000_000 + minutes * 60_000;

describe("changes of a device setting during a shift", () => {
  it("counts a sweep step of 0.1 L/min despite floating point, with the time of the first reading at the new value", () => {
    const changes = findSettingChanges("ecmo_sweep", { t: at(-5), v: 3.5 }, [
      { t: at(0), v: 3.5 },
      { t: at(5), v: 3.6 },
      { t: at(10), v: 3.6 },
      { t: at(15), v: 3.0 },
    ]);
    expect(changes).toEqual([
      { code: "ecmo_sweep", from: 3.5, to: 3.6, at: at(5) },
      { code: "ecmo_sweep", from: 3.6, to: 3, at: at(15) },
    ]);
  });

  it("ignores the measured pump speed's wander and catches a set-point step of 50 rpm or more", () => {
    const noisy = [3298, 3304, 3301, 3296, 3305].map((v, i) => ({ t: at(i), v }));
    expect(findSettingChanges("ecmo_rpm", { t: at(-1), v: 3300 }, noisy)).toEqual([]);
    expect(findSettingChanges("ecmo_rpm", { t: at(-1), v: 3300 }, [...noisy, { t: at(9), v: 3502 }])).toEqual([
      { code: "ecmo_rpm", from: 3300, to: 3502, at: at(9) },
    ]);
  });

  it("takes the first reading as the reference when the episode began during the shift", () => {
    expect(
      findSettingChanges("iabp_ratio", null, [
        { t: at(0), v: 1 },
        { t: at(60), v: 2 },
      ]),
    ).toEqual([{ code: "iabp_ratio", from: 1, to: 2, at: at(60) }]);
  });

  it("lists the settings each device type has", () => {
    expect(settingCodesFor("IABP")).toEqual(["iabp_ratio", "iabp_pumping"]);
    expect(settingCodesFor("VA_ECMO")).toEqual(["ecmo_rpm", "ecmo_sweep", "ecmo_fdo2"]);
  });
});
