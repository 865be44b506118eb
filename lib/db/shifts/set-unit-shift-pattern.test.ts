import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZShiftPattern } from "@/lib/shifts";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { getUnitShiftPattern } from "./get-unit-shift-pattern";
import { setUnitShiftPattern } from "./set-unit-shift-pattern";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.db.unit.create({ data: { id: "u1", name: "Unit 1", timeZone: "Europe/Paris" } });
});
afterEach(() => t.cleanup());

const admin = { userId: "a1", username: "admin", role: "admin" as const };

describe("setting a unit's shift pattern", () => {
  it("stores it, is read back in start order, and audits the old and the new", async () => {
    const pattern = ZShiftPattern.parse({
      shifts: [
        { name: "night", start: "21:00" },
        { name: "morning", start: "06:30" },
        { name: "evening", start: "13:45" },
      ],
    });
    await setUnitShiftPattern({ db: t.db, unitId: "u1", pattern, actor: admin, context: null });
    const read = await getUnitShiftPattern({ db: t.db, unitId: "u1" });
    expect(read.configured).toBe(true);
    expect(read.pattern.shifts.map((s) => s.start)).toEqual(["06:30", "13:45", "21:00"]);
    const [event] = await t.db.auditEvent.findMany({ where: { action: "shift.pattern-changed" } });
    expect(event?.details).toMatchObject({
      before: null,
      after: { shifts: [{ start: "06:30" }, { start: "13:45" }, { start: "21:00" }] },
    });
  });

  it("refuses an unknown unit", async () => {
    await expect(
      setUnitShiftPattern({
        db: t.db,
        unitId: "nowhere",
        pattern: ZShiftPattern.parse({ shifts: [{ name: "day", start: "07:00" }] }),
        actor: admin,
        context: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
