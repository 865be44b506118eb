import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { getUnitRounds } from "../rounds/get-unit-rounds";
import { installDefaultRoundTemplates } from "../rounds/install-default-round-templates";
import { seedDemoAccounts } from "./seed-demo-accounts";
import { seedDemoRounds } from "./seed-demo-rounds";
import { DEMO_UNIT_ID, seedDemoUnit } from "./seed-demo-unit";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("the demo unit's rounds", () => {
  it("gives each occupied bed one uneventful round signed by the demo nurse, once (bed 07 is left free)", async () => {
    // Midday in Paris: no shift or clinical day starts within the last 90 minutes.
    const now = new Date("2026-01-15T11:00:00Z");
    await seedDemoUnit({ db: t.db, now, seed: 1, beds: 8 });
    await seedDemoAccounts({ db: t.db, unitId: DEMO_UNIT_ID, now });
    await installDefaultRoundTemplates({ db: t.db, now });
    expect(await seedDemoRounds({ db: t.db, unitId: DEMO_UNIT_ID, nurseId: "demo-nurse", now })).toBe(7);
    expect(await t.db.round.count()).toBe(7);
    // Each round's numbers are stored with it.
    expect(await t.db.observation.count({ where: { source: "round", parameter: "urine_output" } })).toBeGreaterThan(0);
    const unit = await getUnitRounds({ db: t.db, unitId: DEMO_UNIT_ID, now });
    expect(unit.beds.map((b) => b.abnormal.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // Bed 6's round was 75 min ago: late by a quarter of an hour; bed 07 is free: no round, no schedule.
    expect(unit.beds[5]?.schedule?.overdue).toBe(true);
    expect(unit.beds[6]?.schedule ?? null).toBeNull();
    expect(await seedDemoRounds({ db: t.db, unitId: DEMO_UNIT_ID, nurseId: "demo-nurse", now })).toBe(0);
    expect(await t.db.round.count()).toBe(7);
  });
});
