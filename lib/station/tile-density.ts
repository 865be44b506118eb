import type { TDeviceType, TParameterCode } from "@/lib/catalogue";
import type { TPreparedTile, TTileCell } from "./prepare-tile";

/**
 * How much a tile shows. A wall of up to 12 beds shows every value of the bed's support ("full"); beyond that a tile
 * is too small for fourteen values at a size legible from 3 m (docs/station-legibility.md), so it shows the key values
 * only ("compact"), each about twice as large, and leaves the others to the bed view. An alarm on a value a compact
 * tile does not show still colours the tile and writes its line: the alarm line is never dropped.
 */
type TTileDensity = "full" | "compact";

/** The most beds a wall shows with full tiles; beyond, compact tiles. */
const FULL_TILE_MAX_BEDS = 12;

export function chooseDensity(bedCount: number): TTileDensity {
  return bedCount > FULL_TILE_MAX_BEDS ? "compact" : "full";
}

type TKeyCell = TParameterCode | "augmentation";

/**
 * The values a compact tile keeps, per support, in the full tile's order: what says the support works (ECMO flow and
 * pump speed; IABP pumping and augmentation against systole) and the perfusion pressure (MAP).
 */
const KEY_CELLS: Readonly<Record<TDeviceType, readonly TKeyCell[]>> = {
  VA_ECMO: ["ecmo_flow", "ecmo_rpm", "map", "hr"],
  IABP: ["iabp_pumping", "augmentation", "map", "hr"],
  VA_ECMO_IABP: ["ecmo_flow", "iabp_pumping", "augmentation", "map"],
};

/** The one lab a compact tile keeps: lactate, the perfusion marker every support is judged on. */
const KEY_LABS: readonly TParameterCode[] = ["lactate"];

function cellKey(cell: TTileCell): TKeyCell {
  return cell.kind === "value" ? cell.value.code : "augmentation";
}

/** The tile as drawn at a density: a compact tile keeps its key cells and key lab, everything else unchanged. */
export function tileAtDensity(tile: TPreparedTile, density: TTileDensity): TPreparedTile {
  if (density === "full" || tile.kind !== "occupied") return tile;
  const keys = new Set<string>(KEY_CELLS[tile.deviceType]);
  return {
    ...tile,
    cells: tile.cells.filter((cell) => keys.has(cellKey(cell))),
    labs: tile.labs.filter((lab) => KEY_LABS.includes(lab.code)),
  };
}
