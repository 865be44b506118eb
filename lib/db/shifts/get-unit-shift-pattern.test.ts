import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SHIFT_PATTERN, shiftAt } from "@/lib/shifts";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { AppError } from "../../errors/app-error";
import { getUnitShiftPattern } from "./get-unit-shift-pattern";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.db.unit.create({ data: { id: "u1", name: "Unit 1", timeZone: "Europe/Paris" } });
});
afterEach(() => t.cleanup());

describe("a unit's shift pattern", () => {
  it("is the default 07:00/19:00 in the unit's zone when none is configured", async () => {
    const result = await getUnitShiftPattern({ db: t.db, unitId: "u1" });
    expect(result).toEqual({
      unitId: "u1",
      timeZone: "Europe/Paris",
      pattern: DEFAULT_SHIFT_PATTERN,
      configured: false,
      updatedAt: null,
    });
    expect(shiftAt(Date.parse("2026-07-01T05:30:00Z"), result).key).toBe("2026-07-01/day");
  });

  it("is the stored one, sorted by start time, when configured", async () => {
    const shifts = [
      { name: "night", start: "20:00" },
      { name: "day", start: "08:00" },
    ];
    await t.db.unitShiftPattern.create({ data: { unitId: "u1", shifts: { shifts }, updatedAt: new Date(1000) } });
    const result = await getUnitShiftPattern({ db: t.db, unitId: "u1" });
    expect(result.configured).toBe(true);
    expect(result.updatedAt).toBe(1000);
    expect(result.pattern.shifts.map((s) => s.start)).toEqual(["08:00", "20:00"]);
  });

  it("refuses loudly a stored pattern that no longer parses, and an unknown unit", async () => {
    await t.db.unitShiftPattern.create({
      data: { unitId: "u1", shifts: { shifts: [{ name: "day", start: "7h" }] }, updatedAt: new Date() },
    });
    await expect(getUnitShiftPattern({ db: t.db, unitId: "u1" })).rejects.toMatchObject({ code: "INTERNAL" });
    await expect(getUnitShiftPattern({ db: t.db, unitId: "nowhere" })).rejects.toBeInstanceOf(AppError);
  });
});
