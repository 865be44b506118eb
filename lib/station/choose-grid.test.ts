import { describe, expect, it } from "vitest";
import { chooseGrid } from "./choose-grid";

describe("chooseGrid", () => {
  it("lays the unit sizes of the wall screen out in full rows", () => {
    expect(chooseGrid(8)).toEqual({ columns: 4, rows: 2 });
    expect(chooseGrid(16)).toEqual({ columns: 6, rows: 3 });
    expect(chooseGrid(32)).toEqual({ columns: 8, rows: 4 });
  });

  it("always has a cell for every bed", () => {
    for (let count = 1; count <= 64; count += 1) {
      const { columns, rows } = chooseGrid(count);
      expect(columns * rows).toBeGreaterThanOrEqual(count);
      // No wholly empty row: it would shrink every tile for nothing.
      expect(columns * (rows - 1)).toBeLessThan(count);
    }
  });

  it("treats no bed as one cell so the grid never divides by zero", () => {
    expect(chooseGrid(0)).toEqual({ columns: 1, rows: 1 });
  });
});
