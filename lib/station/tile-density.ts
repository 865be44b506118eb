import type { TDeviceType, TParameterCode } from "@/lib/catalogue";
import type { TPreparedTile, TTileCell } from "./prepare-tile";

/**
 * How much a tile shows. The wall's text has one size at every bed count, the size legible from 3 m
 * (docs/station-legibility.md): a smaller tile holds fewer things, not smaller ones. A wall of up to 12 beds offers
 * every value of the bed's support ("full"); beyond that, the key values only ("compact"), the others being on the
 * bed view; beyond 24 beds, the same key values one per line, label beside number, with the units in one legend for
 * the wall (`unitLegend`) and only what asks for action among the lines ("dense"). Whatever the density, a tile draws
 * the parts that fit whole, by priority (components/station/use-whole-cells.ts): the alarm line is never dropped
 * for a value, and an alarm on a value the tile does not show still colours the tile and writes its reason.
 */
export type TTileDensity = "full" | "compact" | "dense";

/** The most beds a wall shows with full tiles; beyond, compact tiles. */
const FULL_TILE_MAX_BEDS = 12;
/** The most beds a wall shows with compact tiles; beyond, dense ones. */
const COMPACT_TILE_MAX_BEDS = 24;

export function chooseDensity(bedCount: number): TTileDensity {
  if (bedCount > COMPACT_TILE_MAX_BEDS) return "dense";
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

/**
 * A full tile's value that may give its room to lactate (components/station/use-whole-cells.ts): not one of the
 * support's key values, and in range and fresh (a flagged value stays where the eye finds it). When an alarm line and
 * an overdue round leave a full tile too little room, it keeps what a compact tile keeps rather than its lab row.
 */
export function isSheddableCell(
  deviceType: TDeviceType,
  cell: TTileCell,
  /** The parameters of the bed's open alarms: a value an alarm is about stays beside its alarm line. */
  alarmed: readonly string[] = [],
): boolean {
  if (isKeyCell(deviceType, cell)) return false;
  const values = cell.kind === "value" ? [cell.value] : [cell.aug, cell.sys];
  const named = (code: TParameterCode) => alarmed.includes(code) || alarmed.includes(PAIRED[code] ?? code);
  return values.every((v) => v.status !== "low" && v.status !== "high" && !v.stale && !named(v.code));
}

/** Values read against each other: an alarm on one (the limbs' NIRS difference names one leg) keeps both in view. */
const PAIRED: Partial<Record<TParameterCode, TParameterCode>> = { nirs_left: "nirs_right", nirs_right: "nirs_left" };

/** A support's key value (KEY_CELLS): a full tile keeps it before its sheddable values. */
export function isKeyCell(deviceType: TDeviceType, cell: TTileCell): boolean {
  return KEY_CELLS[deviceType].includes(cellKey(cell));
}

/** The lab a full tile keeps before its sheddable values (isSheddableCell). */
export function isKeyLab(code: TParameterCode): boolean {
  return KEY_LABS.includes(code);
}

/** The tile as drawn at a density: a compact or dense tile keeps its key cells and key lab, everything else unchanged. */
export function tileAtDensity(tile: TPreparedTile, density: TTileDensity): TPreparedTile {
  if (density === "full" || tile.kind !== "occupied") return tile;
  const keys = new Set<string>(KEY_CELLS[tile.deviceType]);
  return {
    ...tile,
    cells: tile.cells.filter((cell) => keys.has(cellKey(cell))),
    labs: tile.labs.filter((lab) => KEY_LABS.includes(lab.code)),
  };
}

/** One line of a dense wall's legend: a label as the tiles print it, and its unit. */
export type TLegendEntry =
  | { readonly kind: "value"; readonly label: string; readonly unit: string }
  | { readonly kind: "augmentation"; readonly aug: string; readonly sys: string; readonly unit: string };

/**
 * The units a dense wall's tiles leave out, once each, in the order they first appear: read from the tiles as drawn,
 * so the legend names exactly the labels the wall shows, in its language. Empty at other densities, whose tiles
 * print their units.
 */
export function unitLegend(tiles: readonly TPreparedTile[], density: TTileDensity): readonly TLegendEntry[] {
  if (density !== "dense") return [];
  const entries = new Map<string, TLegendEntry>();
  for (const tile of tiles) {
    const drawn = tileAtDensity(tile, density);
    if (drawn.kind !== "occupied") continue;
    for (const cell of drawn.cells) {
      if (cell.kind === "augmentation") {
        const key = `${cell.aug.label}/${cell.sys.label}`;
        if (cell.sys.unit !== "" && !entries.has(key))
          entries.set(key, { kind: "augmentation", aug: cell.aug.label, sys: cell.sys.label, unit: cell.sys.unit });
      } else if (cell.value.unit !== "" && !entries.has(cell.value.label)) {
        entries.set(cell.value.label, { kind: "value", label: cell.value.label, unit: cell.value.unit });
      }
    }
    for (const lab of drawn.labs) {
      if (lab.unit !== "" && !entries.has(lab.label))
        entries.set(lab.label, { kind: "value", label: lab.label, unit: lab.unit });
    }
  }
  return [...entries.values()];
}
