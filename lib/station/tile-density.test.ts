import { describe, expect, it } from "vitest";
import { prepareTile } from "./prepare-tile";
import type { TStationBed } from "./snapshot";
import { chooseDensity, isKeyLab, isSheddableCell, tileAtDensity, unitLegend } from "./tile-density";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

function bed(deviceType: "VA_ECMO" | "IABP" | "VA_ECMO_IABP"): TStationBed {
  return {
    bedId: "b",
    label: "01",
    position: 1,
    // A bed with support running holds an admitted patient (an episode belongs to a stay since issue 15).
    stay: { id: "s", admittedAt: 0 },
    patient: { initials: "MD", ageYears: 58, sex: "F" },
    episode: { id: "e", deviceType, startedAt: NOW - 3600_000, cannulationSite: null, settings: {} },
    latest: {},
  };
}

function codes(tile: ReturnType<typeof prepareTile>): string[] {
  if (tile.kind !== "occupied") throw new Error(`expected a bed on support, got a tile of kind ${tile.kind}`);
  return [
    ...tile.cells.map((cell) => (cell.kind === "value" ? cell.value.code : "augmentation")),
    ...tile.labs.map((lab) => lab.code),
  ];
}

describe("tile density", () => {
  it("shows full tiles up to 12 beds, compact ones up to 24 and dense ones beyond", () => {
    expect(chooseDensity(8)).toBe("full");
    expect(chooseDensity(12)).toBe("full");
    expect(chooseDensity(16)).toBe("compact");
    expect(chooseDensity(24)).toBe("compact");
    expect(chooseDensity(32)).toBe("dense");
  });

  it("keeps every value of a full tile", () => {
    const tile = prepareTile({ bed: bed("VA_ECMO_IABP"), locale: "en", now: NOW });
    expect(tileAtDensity(tile, "full")).toBe(tile);
  });

  it("keeps the support's key values and lactate on a compact tile, in the full tile's order", () => {
    const at = (type: "VA_ECMO" | "IABP" | "VA_ECMO_IABP") =>
      codes(tileAtDensity(prepareTile({ bed: bed(type), locale: "en", now: NOW }), "compact"));
    expect(at("VA_ECMO")).toEqual(["ecmo_flow", "ecmo_rpm", "map", "hr", "lactate"]);
    expect(at("IABP")).toEqual(["iabp_pumping", "augmentation", "map", "hr", "lactate"]);
    expect(at("VA_ECMO_IABP")).toEqual(["ecmo_flow", "iabp_pumping", "augmentation", "map", "lactate"]);
    const dense = tileAtDensity(prepareTile({ bed: bed("IABP"), locale: "en", now: NOW }), "dense");
    expect(codes(dense)).toEqual(["iabp_pumping", "augmentation", "map", "hr", "lactate"]);
  });

  it("lets a full tile give lactate the room of its in-range secondary values, never of a key or flagged one", () => {
    const ecmo = bed("VA_ECMO");
    const reading = (value: number) => ({ seq: 1, value, observedAt: NOW - 5_000, reference: null });
    // Left limb NIRS 40 % is below its target: it stays where the eye finds it.
    ecmo.latest = { ecmo_flow: reading(4.1), ecmo_sweep: reading(3), nirs_left: reading(40), nirs_right: reading(70) };
    const tile = prepareTile({ bed: ecmo, locale: "en", now: NOW });
    if (tile.kind !== "occupied") throw new Error("expected a bed on support");
    const sheddable = tile.cells
      .filter((cell) => isSheddableCell(tile.deviceType, cell))
      .map((cell) => (cell.kind === "value" ? cell.value.code : "augmentation"));
    expect(sheddable).toContain("ecmo_sweep");
    expect(sheddable).toContain("nirs_right");
    expect(sheddable).not.toContain("nirs_left");
    expect(sheddable).not.toContain("ecmo_flow");
    expect(sheddable).not.toContain("hr");
    // Back in range while its alarm is still open (latched, or not yet cleared): it stays beside the alarm line.
    expect(tile.cells.some((cell) => isSheddableCell(tile.deviceType, cell, ["nirs_right"]))).toBe(true);
    const right = tile.cells.find((cell) => cell.kind === "value" && cell.value.code === "nirs_right");
    if (!right) throw new Error("expected the right limb NIRS cell");
    expect(isSheddableCell(tile.deviceType, right, ["nirs_right"])).toBe(false);
    // The legs' NIRS difference alarm names one leg: the other stays beside it.
    expect(isSheddableCell(tile.deviceType, right, ["nirs_left"])).toBe(false);
    expect(isKeyLab("lactate")).toBe(true);
    expect(isKeyLab("anti_xa")).toBe(false);
  });

  it("lists the units a dense wall leaves off its tiles, once each, in the wall's language", () => {
    const tiles = (["VA_ECMO", "IABP", "VA_ECMO"] as const).map((type) =>
      prepareTile({ bed: bed(type), locale: "fr", now: NOW }),
    );
    expect(unitLegend(tiles, "compact")).toEqual([]);
    const legend = unitLegend(tiles, "dense");
    const labels = legend.map((entry) => (entry.kind === "value" ? entry.label : `${entry.aug}/${entry.sys}`));
    expect(new Set(labels).size).toBe(labels.length);
    expect(legend).toContainEqual({ kind: "value", label: "PAM", unit: "mmHg" });
    expect(legend).toContainEqual(expect.objectContaining({ kind: "augmentation", unit: "mmHg" }));
    expect(legend.some((entry) => entry.kind === "value" && entry.unit === "mmol/L")).toBe(true);
  });
});
