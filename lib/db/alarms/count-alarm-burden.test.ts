import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser } from "@/test/support/sign-in-test-user";
import type { TAuditActor } from "../audit/record-audit-event";
import { setUnitShiftPattern } from "../shifts/set-unit-shift-pattern";
import { countAlarmBurden } from "./count-alarm-burden";
import { raiseExternalAlarm } from "./raise-external-alarm";

let test: TestDb;
let world: TestEpisode;
let nurse: TAuditActor;
let admin: TAuditActor;
beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db);
  const n = await createTestUser(test.db, { role: "nurse", unitIds: [world.unitId] });
  const a = await createTestUser(test.db, { role: "admin", unitIds: [world.unitId] });
  nurse = { userId: n.userId, username: n.username, role: n.role };
  admin = { userId: a.userId, username: a.username, role: a.role };
});
afterAll(async () => {
  await test.cleanup();
});

/** Raises a medium round-finding alarm at a given instant (the test unit is in Europe/Paris: UTC+1 in January). */
async function raiseAt(iso: string, subjectKey: string): Promise<void> {
  await test.db.$transaction((tx) =>
    raiseExternalAlarm({
      db: tx,
      input: {
        episodeId: world.episodeId,
        ruleId: "round-abnormal-finding",
        subjectKey,
        priority: "medium",
        messageKey: "roundAbnormalFinding",
        summary: { en: "Left leg: weak pulse", fr: "Jambe gauche : pouls faible" },
        refs: { roundId: subjectKey, itemId: "leg" },
      },
      actor: nurse,
      context: null,
      origin: "rounds",
      now: new Date(iso),
    }),
  );
}

describe("countAlarmBurden", () => {
  it("counts by the unit's own shift pattern, the one its handover sheets use", async () => {
    // 07:30 Paris: in the day shift of the default 07:00/19:00 pattern, in the night shift of an 08:00/20:00 one.
    await raiseAt("2026-01-15T06:30:00Z", "a");
    // 12:00 Paris: a day shift in both.
    await raiseAt("2026-01-15T11:00:00Z", "b");
    const now = new Date("2026-01-15T13:00:00Z");

    const byDefault = await countAlarmBurden({ db: test.db, unitId: world.unitId, now });
    expect(byDefault.current).toMatchObject({
      name: "day",
      startTime: "07:00",
      start: Date.parse("2026-01-15T06:00:00Z"),
    });
    expect([byDefault.current.counts.medium, byDefault.previous.counts.medium]).toEqual([2, 0]);

    await setUnitShiftPattern({
      db: test.db,
      unitId: world.unitId,
      pattern: {
        shifts: [
          { name: "day", start: "08:00" },
          { name: "night", start: "20:00" },
        ],
      },
      actor: admin,
      context: null,
    });
    const byUnit = await countAlarmBurden({ db: test.db, unitId: world.unitId, now });
    expect(byUnit.current).toMatchObject({
      name: "day",
      startTime: "08:00",
      start: Date.parse("2026-01-15T07:00:00Z"),
    });
    expect(byUnit.previous).toMatchObject({
      name: "night",
      startTime: "20:00",
      start: Date.parse("2026-01-14T19:00:00Z"),
    });
    expect([byUnit.current.counts.medium, byUnit.previous.counts.medium]).toEqual([1, 1]);
    expect(byUnit.current.beds.find((b) => b.bedId === world.bedId)?.total).toBe(1);
  });
});
