import { describe, expect, it } from "vitest";
import type { TDeviceType } from "@/lib/catalogue";
import { prepareTile, trendOf, type TPreparedTile, type TTileCell, type TTileValue } from "./prepare-tile";
import type { TLatestValue, TStationBed } from "./snapshot";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const SEC = 1_000;
const H = 3600 * SEC;

function reading(value: number, ageMs: number, reference: number | null = null): TLatestValue {
  return {
    seq: 1,
    value,
    observedAt: NOW - ageMs,
    reference: reference === null ? null : { value: reference, observedAt: NOW - ageMs - 5 * 60 * SEC },
  };
}

function bed(deviceType: TDeviceType, latest: TStationBed["latest"], startedAt = NOW - 50 * H): TStationBed {
  return {
    bedId: "b1",
    label: "Bed 1",
    position: 1,
    stay: { id: "s1", admittedAt: startedAt },
    patient: { initials: "MD", ageYears: 58, sex: "F" },
    episode: { id: "e1", deviceType, startedAt, cannulationSite: null, settings: {} },
    latest,
  };
}

function occupied(tile: TPreparedTile) {
  if (tile.kind !== "occupied") throw new Error("expected an occupied tile");
  return tile;
}

function values(cells: readonly TTileCell[]): TTileValue[] {
  return cells.flatMap((cell) => (cell.kind === "value" ? [cell.value] : [cell.aug, cell.sys]));
}

function find(tile: TPreparedTile, code: string): TTileValue {
  const value = values(occupied(tile).cells).find((v) => v.code === code);
  if (!value) throw new Error(`no ${code} on the tile`);
  return value;
}

describe("prepareTile", () => {
  it("shows an empty bed as an empty tile", () => {
    const empty: TStationBed = { ...bed("VA_ECMO", {}), stay: null, patient: null, episode: null };
    expect(prepareTile({ bed: empty, locale: "en", now: NOW })).toEqual({ kind: "empty", bedId: "b1", label: "Bed 1" });
  });

  it("shows a patient admitted with no support running as taken, not empty (issue 15)", () => {
    const patient = { initials: "ZE", ageYears: 58, sex: "F" };
    const admitted: TStationBed = { ...bed("VA_ECMO", {}), patient, episode: null };
    const tile = prepareTile({ bed: admitted, locale: "en", now: NOW });
    expect(tile).toMatchObject({ kind: "admitted", bedId: "b1", label: "Bed 1", patient });
    expect(tile.kind === "admitted" && tile.labs.every((lab) => lab.text === null)).toBe(true);
  });

  it("shows the stay's lactate on an admitted bed with no support, judged against the target every support shares", () => {
    const admitted: TStationBed = { ...bed("VA_ECMO", { lactate: reading(4.1, 10 * 60 * SEC) }), episode: null };
    const tile = prepareTile({ bed: admitted, locale: "en", now: NOW });
    if (tile.kind !== "admitted") throw new Error("expected an admitted tile");
    expect(tile.labs.find((lab) => lab.code === "lactate")).toMatchObject({ text: "4.1", status: "high" });
  });

  it("lists the VA-ECMO key values in a fixed order", () => {
    const tile = occupied(prepareTile({ bed: bed("VA_ECMO", {}), locale: "en", now: NOW }));
    expect(values(tile.cells).map((v) => v.code)).toEqual([
      "ecmo_flow",
      "ecmo_rpm",
      "ecmo_sweep",
      "ecmo_dp",
      "ecmo_pven",
      "map",
      "hr",
      "nirs_left",
      "nirs_right",
    ]);
    expect(tile.labs.map((v) => v.code)).toEqual(["lactate", "anti_xa", "platelets", "hemoglobin"]);
  });

  it("lists the IABP key values with augmentation beside the unassisted systole", () => {
    const tile = occupied(prepareTile({ bed: bed("IABP", {}), locale: "en", now: NOW }));
    expect(values(tile.cells).map((v) => v.code)).toEqual([
      "iabp_ratio",
      "iabp_pumping",
      "iabp_aug",
      "iabp_sys",
      "iabp_baedp",
      "helium_level",
      "map",
      "hr",
      "nirs_left",
      "nirs_right",
    ]);
    expect(tile.cells[2]?.kind).toBe("augmentation");
  });

  it("shows both supports' values for VA-ECMO with an IABP, and both badges", () => {
    const tile = occupied(
      prepareTile({ bed: bed("VA_ECMO_IABP", { iabp_ratio: reading(2, 2 * SEC) }), locale: "en", now: NOW }),
    );
    expect(values(tile.cells)).toHaveLength(15);
    expect(tile.badges).toEqual([
      { kind: "ecmo", day: 3 },
      { kind: "iabp", ratio: "1:2" },
    ]);
  });

  it("counts the ECMO day from the episode start, day 1 being the first 24 h", () => {
    const first = occupied(prepareTile({ bed: bed("VA_ECMO", {}, NOW - 23 * H), locale: "en", now: NOW }));
    expect(first.badges).toEqual([{ kind: "ecmo", day: 1 }]);
  });

  it("formats with the catalogue's decimals in the reader's language", () => {
    const latest = { ecmo_flow: reading(3.456, 2 * SEC), ecmo_rpm: reading(3210, 2 * SEC) };
    expect(find(prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW }), "ecmo_flow").text).toBe("3.46");
    expect(find(prepareTile({ bed: bed("VA_ECMO", latest), locale: "fr", now: NOW }), "ecmo_flow").text).toBe("3,46");
    expect(find(prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW }), "ecmo_rpm").text).toBe("3,210");
  });

  it("writes pump speed in French as French does: tr/min, not rpm (issue 17)", () => {
    const latest = { ecmo_rpm: reading(3210, 2 * SEC) };
    expect(find(prepareTile({ bed: bed("VA_ECMO", latest), locale: "fr", now: NOW }), "ecmo_rpm")).toMatchObject({
      label: "Vitesse",
      unit: "tr/min",
    });
    // English keeps "RPM" alone: the label already names the unit.
    expect(find(prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW }), "ecmo_rpm").unit).toBe("");
  });

  it("uses the short label and printable unit of the catalogue", () => {
    const tile = prepareTile({ bed: bed("VA_ECMO", { map: reading(70, 0) }), locale: "fr", now: NOW });
    expect(find(tile, "map")).toMatchObject({ label: "PAM", unit: "mmHg" });
  });

  it("marks values against the device's default target", () => {
    const latest = { ecmo_flow: reading(1.8, 0), map: reading(72, 0), ecmo_pven: reading(-120, 0) };
    const tile = prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW });
    expect(find(tile, "ecmo_flow").status).toBe("low");
    expect(find(tile, "map").status).toBe("in");
    expect(find(tile, "ecmo_pven").status).toBe("low");
    expect(find(tile, "hr").status).toBe("none");
  });

  it("uses the IABP anti-Xa target for a balloon patient and the ECMO one otherwise", () => {
    const latest = { anti_xa: reading(0.45, 2 * H) };
    const iabp = occupied(prepareTile({ bed: bed("IABP", latest), locale: "en", now: NOW }));
    const ecmo = occupied(prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW }));
    expect(iabp.labs.find((v) => v.code === "anti_xa")?.status).toBe("high");
    expect(ecmo.labs.find((v) => v.code === "anti_xa")?.status).toBe("in");
  });

  it("flags augmentation that does not exceed the unassisted systole", () => {
    const low = prepareTile({
      bed: bed("IABP", { iabp_aug: reading(88, 0), iabp_sys: reading(95, 0) }),
      locale: "en",
      now: NOW,
    });
    const good = prepareTile({
      bed: bed("IABP", { iabp_aug: reading(110, 0), iabp_sys: reading(95, 0) }),
      locale: "en",
      now: NOW,
    });
    expect(find(low, "iabp_aug").status).toBe("low");
    expect(find(good, "iabp_aug").status).toBe("in");
  });

  it("prints the assist ratio as 1:N and the pumping state as words from the catalogue of messages", () => {
    const tile = prepareTile({
      bed: bed("IABP", { iabp_ratio: reading(3, 0), iabp_pumping: reading(0, 0) }),
      locale: "en",
      now: NOW,
    });
    expect(find(tile, "iabp_ratio")).toMatchObject({ text: "1:3", trend: null });
    expect(find(tile, "iabp_pumping")).toMatchObject({ text: null, message: "pumpingOff", status: "low" });
  });

  it("draws a trend arrow only for a change of at least one digit and 5 %", () => {
    const latest = {
      ecmo_flow: reading(3.5, 0, 3.3),
      map: reading(70, 0, 68),
      hr: reading(80, 0, 100),
      ecmo_rpm: reading(3000, 0),
    };
    const tile = prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW });
    expect(find(tile, "ecmo_flow").trend).toBe("up");
    expect(find(tile, "map").trend).toBe("steady");
    expect(find(tile, "hr").trend).toBe("down");
    expect(find(tile, "ecmo_rpm").trend).toBeNull();
  });

  it("tells the age of each lab value", () => {
    const tile = occupied(
      prepareTile({ bed: bed("VA_ECMO", { lactate: reading(3.4, 2 * H + 10 * 60 * SEC) }), locale: "en", now: NOW }),
    );
    expect(tile.labs[0]).toMatchObject({ code: "lactate", text: "3.4", age: { unit: "hours", count: 2 } });
    expect(tile.labs[1]).toMatchObject({ code: "anti_xa", text: null, age: null });
  });

  it("marks the bed stale when its newest device reading is older than three expected intervals", () => {
    const fresh = occupied(
      prepareTile({
        bed: bed("VA_ECMO", { hr: reading(80, 14 * SEC), map: reading(70, 60 * SEC) }),
        locale: "en",
        now: NOW,
      }),
    );
    expect(fresh.device).toEqual({ newestAt: NOW - 14 * SEC, stale: false });
    const stale = occupied(prepareTile({ bed: bed("VA_ECMO", { hr: reading(80, 16 * SEC) }), locale: "en", now: NOW }));
    expect(stale.device).toEqual({ newestAt: NOW - 16 * SEC, stale: true });
  });

  it("does not let a recent lab make a silent bed look live", () => {
    const tile = occupied(prepareTile({ bed: bed("VA_ECMO", { lactate: reading(2, 0) }), locale: "en", now: NOW }));
    expect(tile.device).toEqual({ newestAt: null, stale: true });
  });

  it("marks a value stale on its own when it is older than three of its own intervals", () => {
    const latest = {
      hr: reading(80, 1 * SEC),
      map: reading(70, 20 * SEC),
      platelets: reading(140, 73 * H),
      lactate: reading(2, 23 * H),
    };
    const tile = occupied(prepareTile({ bed: bed("VA_ECMO", latest), locale: "en", now: NOW }));
    expect(find(tile, "hr").stale).toBe(false);
    expect(find(tile, "map").stale).toBe(true);
    expect(tile.labs.find((v) => v.code === "platelets")?.stale).toBe(true);
    expect(tile.labs.find((v) => v.code === "lactate")?.stale).toBe(false);
  });
});

describe("trendOf", () => {
  it("does not let floating-point rounding hide a change of one displayed digit", () => {
    expect(trendOf(0.41, 0.4, 2)).toBe("steady");
    expect(trendOf(3.3, 3.2, 1)).toBe("steady");
    expect(trendOf(0.3, 0.2, 1)).toBe("up");
  });

  it("compares against the size of the earlier value for negative pressures", () => {
    expect(trendOf(-90, -80, 0)).toBe("down");
    expect(trendOf(-82, -80, 0)).toBe("steady");
  });
});
