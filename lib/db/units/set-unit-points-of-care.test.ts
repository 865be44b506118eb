import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestUnit } from "@/test/support/seed-test-unit";
import { getUnitPointsOfCare } from "./get-unit-points-of-care";
import { setUnitPointsOfCare } from "./set-unit-points-of-care";

const ADMIN = { userId: "admin-1", username: "admin", role: "admin" } as const;
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedTestUnit(t.db, { unitId: "u1", beds: 1 });
  await seedTestUnit(t.db, { unitId: "u2", beds: 1 });
});
afterEach(async () => {
  await t.cleanup();
});

describe("setUnitPointsOfCare", () => {
  it("replaces a unit's codes, audited with before and after", async () => {
    await setUnitPointsOfCare({
      db: t.db,
      unitId: "u1",
      input: { codes: ["REA", "ICU2"] },
      actor: ADMIN,
      context: null,
    });
    await setUnitPointsOfCare({
      db: t.db,
      unitId: "u1",
      input: { codes: ["REA-CARDIO"] },
      actor: ADMIN,
      context: null,
    });
    expect(await getUnitPointsOfCare({ db: t.db, unitId: "u1" })).toEqual({ codes: ["REA-CARDIO"] });
    const audit = await t.db.auditEvent.findMany({
      where: { action: "unit.points-of-care-changed" },
      orderBy: { id: "asc" },
    });
    expect(audit.at(-1)?.details).toEqual({ before: ["ICU2", "REA"], after: ["REA-CARDIO"] });
  });

  it("refuses a code another unit has, naming it, and leaves the codes as they were", async () => {
    await setUnitPointsOfCare({ db: t.db, unitId: "u2", input: { codes: ["REA"] }, actor: ADMIN, context: null });
    await setUnitPointsOfCare({ db: t.db, unitId: "u1", input: { codes: ["ICU2"] }, actor: ADMIN, context: null });
    await expect(
      setUnitPointsOfCare({ db: t.db, unitId: "u1", input: { codes: ["REA", "X"] }, actor: ADMIN, context: null }),
    ).rejects.toThrow('"REA" already names unit Unit u2');
    expect(await getUnitPointsOfCare({ db: t.db, unitId: "u1" })).toEqual({ codes: ["ICU2"] });
    await expect(
      setUnitPointsOfCare({ db: t.db, unitId: "u1", input: { codes: ["A", "A"] }, actor: ADMIN, context: null }),
    ).rejects.toThrow("a code is listed twice");
  });
});
