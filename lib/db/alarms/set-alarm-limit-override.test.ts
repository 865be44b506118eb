import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import type { TPrincipal } from "@/lib/auth/principal";
import { listAlarmLimits } from "./list-alarm-limits";
import { setAlarmLimitOverride } from "./set-alarm-limit-override";

let test: TestDb;
let world: TestEpisode;
const principals: Partial<Record<"physician" | "nurse", TPrincipal>> = {};
beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db);
  for (const role of ["physician", "nurse"] as const) {
    const user = await signInTestUser(test.db, { role, unitIds: [world.unitId] });
    principals[role] = {
      userId: user.userId,
      username: user.username,
      displayName: `Test ${role}`,
      role,
      unitIds: [world.unitId],
      idleTimeoutMinutes: 30,
      sessionId: "s",
    };
  }
});
afterAll(async () => {
  await test.cleanup();
});

const set = (role: "physician" | "nurse", input: Record<string, unknown>) => {
  const principal = principals[role];
  if (!principal) throw new Error("no principal");
  return setAlarmLimitOverride({
    db: test.db,
    principal,
    input: { unitId: world.unitId, ...input },
    context: null,
    via: "test",
  });
};

describe("setAlarmLimitOverride", () => {
  it("stores versions of a unit's limit with the reason, audits each with the old and new limit, and lists the one in force", async () => {
    expect(
      await set("physician", {
        ruleId: "ecmo-flow-low",
        scope: "unit",
        limits: { value: 1.8 },
        reason: "Small adults on this unit",
      }),
    ).toMatchObject({ version: 1 });
    expect(
      await set("physician", {
        ruleId: "ecmo-flow-low",
        scope: "unit",
        limits: { value: 1.5 },
        reason: "Paediatric patients",
      }),
    ).toMatchObject({ version: 2 });
    const audits = await test.db.auditEvent.findMany({
      where: { action: "alarm.limit-changed" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.details as { from: unknown; to: unknown })).toMatchObject([
      { from: null, to: { value: 1.8 } },
      { from: { value: 1.8 }, to: { value: 1.5 } },
    ]);
    const limits = await listAlarmLimits({ db: test.db, unitId: world.unitId });
    expect(limits.rules.find((r) => r.ruleId === "ecmo-flow-low")).toMatchObject({
      defaultValue: 2,
      unitOverride: { version: 2, value: 1.5, reason: "Paediatric patients" },
    });
  });

  it("sets one patient's limit, shown against the bed", async () => {
    await set("physician", {
      ruleId: "lactate-medium",
      scope: "episode",
      episodeId: world.episodeId,
      limits: { value: 3 },
      reason: "Chronic liver disease",
    });
    const limits = await listAlarmLimits({ db: test.db, unitId: world.unitId });
    expect(limits.rules.find((r) => r.ruleId === "lactate-medium")?.episodes).toMatchObject([
      { episodeId: world.episodeId, bedLabel: "T1", value: 3 },
    ]);
  });

  it("refuses a nurse (audited), a limit outside the plausible range, a rule without a fixed limit, and no reason", async () => {
    await expect(
      set("nurse", { ruleId: "ecmo-flow-low", scope: "unit", limits: { value: 1.5 }, reason: "why not" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await test.db.auditEvent.count({ where: { action: "access.denied", actorId: principals.nurse?.userId } }),
    ).toBe(1);
    await expect(
      set("physician", { ruleId: "ecmo-flow-low", scope: "unit", limits: { value: 40 }, reason: "typo" }),
    ).rejects.toThrow(/plausible range/);
    await expect(
      set("physician", { ruleId: "helium-falling", scope: "unit", limits: { value: 2 }, reason: "test" }),
    ).rejects.toThrow(/no fixed limit/);
    await expect(
      set("physician", { ruleId: "ecmo-flow-low", scope: "unit", limits: { value: 1.5 } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await test.db.alarmLimitOverride.count({ where: { ruleId: { in: ["helium-falling"] } } })).toBe(0);
  });
});
