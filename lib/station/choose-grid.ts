/**
 * The grid area of the wall screen the station is designed for: 1920 × 1080 less the header and footer lines.
 * The grid fills whatever screen it gets; this only decides how many columns.
 */
export const GRID_AREA_ASPECT = 1920 / 980;
/**
 * A tile holds a header, three columns of up to five device values and a row of labs: about as tall as wide. The
 * grid picks the column count that gives the largest tile of this shape, so 8, 16 and 32 beds fit without scrolling.
 */
const TILE_ASPECT = 1;

export interface TGrid {
  readonly columns: number;
  readonly rows: number;
}

export function chooseGrid(tileCount: number, areaAspect = GRID_AREA_ASPECT): TGrid {
  const count = Math.max(1, Math.floor(tileCount));
  let best: TGrid = { columns: count, rows: 1 };
  let bestSize = -1;
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    // Cell size in units of the screen height; the tile drawn inside has TILE_ASPECT.
    const cellWidth = areaAspect / columns;
    const cellHeight = 1 / rows;
    const size = Math.min(cellWidth / TILE_ASPECT, cellHeight);
    // Equal sizes: the layout with fewer empty cells wins.
    if (size > bestSize + 1e-9) {
      best = { columns, rows };
      bestSize = size;
    }
  }
  return best;
}
