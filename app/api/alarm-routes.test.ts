import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUnitAlarms } from "@/lib/alarms/alarm-dto";
import { ZAlarmBurden, ZBedAlarmHistory } from "@/lib/alarms/alarm-history";
import { ZAlarmLimits } from "@/lib/alarms/alarm-limits";
import { raiseExternalAlarm } from "@/lib/db/alarms/raise-external-alarm";
import { provideDb } from "@/lib/db/get-db";
import { HOSTILE_TEXT } from "@/test/support/hostile-text";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { GET as getHistory } from "./beds/[bedId]/alarms/route";
import { GET as getLimits, POST as postLimit } from "./units/[unitId]/alarm-limits/route";
import { GET as getBurden } from "./units/[unitId]/alarms/burden/route";
import { GET as getAlarms } from "./units/[unitId]/alarms/route";

let t: TestDb;
let unitA: TestEpisode;
let unitB: TestEpisode;
let nurse: TTestSession;
let physician: TTestSession;
beforeAll(async () => {
  t = await createTestDb();
  unitA = await seedTestEpisode(t.db, { suffix: "1" });
  unitB = await seedTestEpisode(t.db, { suffix: "2" });
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [unitA.unitId] });
  physician = await signInTestUser(t.db, { role: "physician", unitIds: [unitA.unitId] });
  provideDb(t.db);
  for (const world of [unitA, unitB]) {
    await raiseExternalAlarm({
      db: t.db,
      input: {
        episodeId: world.episodeId,
        ruleId: "round-abnormal-finding",
        subjectKey: "left-leg",
        priority: "medium",
        messageKey: "roundAbnormalFinding",
        summary: { en: "Left leg: cold", fr: "Jambe gauche : froide" },
      },
      actor: null,
      context: null,
      origin: "rounds",
    });
  }
});
afterAll(async () => {
  await t.cleanup();
});

const request = (path: string, who: TTestSession, init: RequestInit = {}) =>
  new Request(`http://station.test${path}`, {
    ...init,
    headers: {
      cookie: who.cookie,
      "content-type": "application/json",
      origin: "http://station.test",
      ...(init.headers ?? {}),
    },
  });
const unit = (unitId: string) => ({ params: Promise.resolve({ unitId }) });

describe("the alarm routes", () => {
  it("answer a member of the unit: open alarms, burden, a bed's history, the limits in force", async () => {
    const alarms = ZUnitAlarms.parse(
      await (await getAlarms(request(`/api/units/${unitA.unitId}/alarms`, nurse), unit(unitA.unitId))).json(),
    );
    expect(alarms.alarms.map((a) => [a.bedId, a.ruleId, a.status])).toEqual([
      [unitA.bedId, "round-abnormal-finding", "active"],
    ]);
    const burden = ZAlarmBurden.parse(
      await (await getBurden(request(`/api/units/${unitA.unitId}/alarms/burden`, nurse), unit(unitA.unitId))).json(),
    );
    expect(burden.current.counts.medium).toBe(1);
    const history = ZBedAlarmHistory.parse(
      await (
        await getHistory(request(`/api/beds/${unitA.bedId}/alarms`, nurse), {
          params: Promise.resolve({ bedId: unitA.bedId }),
        })
      ).json(),
    );
    expect(history.alarms).toHaveLength(1);
    const limits = ZAlarmLimits.parse(
      await (await getLimits(request(`/api/units/${unitA.unitId}/alarm-limits`, nurse), unit(unitA.unitId))).json(),
    );
    expect(limits.rules.map((r) => r.ruleId)).toContain("ecmo-flow-low");
  });

  it("refuse another unit's alarms with 403", async () => {
    expect((await getAlarms(request(`/api/units/${unitB.unitId}/alarms`, nurse), unit(unitB.unitId))).status).toBe(403);
    expect(
      (await getBurden(request(`/api/units/${unitB.unitId}/alarms/burden`, nurse), unit(unitB.unitId))).status,
    ).toBe(403);
    expect(
      (
        await getHistory(request(`/api/beds/${unitB.bedId}/alarms`, nurse), {
          params: Promise.resolve({ bedId: unitB.bedId }),
        })
      ).status,
    ).toBe(403);
  });

  it("let a physician change a limit with a reason, and refuse a nurse", async () => {
    const body = JSON.stringify({
      ruleId: "nirs-left-low",
      scope: "unit",
      limits: { value: 45 },
      reason: "Dark skin: NIRS reads low here",
    });
    expect(
      (
        await postLimit(
          request(`/api/units/${unitA.unitId}/alarm-limits`, nurse, { method: "POST", body }),
          unit(unitA.unitId),
        )
      ).status,
    ).toBe(403);
    const created = await postLimit(
      request(`/api/units/${unitA.unitId}/alarm-limits`, physician, { method: "POST", body }),
      unit(unitA.unitId),
    );
    expect(created.status).toBe(201);
    const missingReason = await postLimit(
      request(`/api/units/${unitA.unitId}/alarm-limits`, physician, {
        method: "POST",
        body: JSON.stringify({ ruleId: "nirs-left-low", scope: "unit", limits: { value: 45 } }),
      }),
      unit(unitA.unitId),
    );
    expect(missingReason.status).toBe(400);
  });

  it("refuse a limit whose reason holds text a record cannot hold, 400 naming the field, and change nothing", async () => {
    const before = await t.db.alarmLimitOverride.count();
    for (const [name, reason] of HOSTILE_TEXT) {
      const refused = await postLimit(
        request(`/api/units/${unitA.unitId}/alarm-limits`, physician, {
          method: "POST",
          body: JSON.stringify({ ruleId: "nirs-left-low", scope: "unit", limits: { value: 46 }, reason }),
        }),
        unit(unitA.unitId),
      );
      expect(refused.status, name).toBe(400);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      expect(error.code, name).toBe("INVALID_INPUT");
      expect(error.message, name).toMatch(/reason: contains /);
    }
    expect(await t.db.alarmLimitOverride.count()).toBe(before);
  });
});
