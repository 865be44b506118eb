import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser, type TTestUser } from "@/test/support/sign-in-test-user";
import type { TAuditActor } from "../audit/record-audit-event";
import { clearExternalAlarm } from "./clear-external-alarm";
import { endAlarmsOfEndedEpisodes } from "./end-alarms-of-ended-episodes";
import { raiseExternalAlarm } from "./raise-external-alarm";

let test: TestDb;
let world: TestEpisode;
let nurse: TTestUser;
let actor: TAuditActor;
beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db);
  nurse = await createTestUser(test.db, { role: "nurse", unitIds: [world.unitId] });
  actor = { userId: nurse.userId, username: nurse.username, role: nurse.role };
});
afterAll(async () => {
  await test.cleanup();
});

const finding = (subjectKey: string) => ({
  episodeId: world.episodeId,
  ruleId: "round-abnormal-finding",
  subjectKey,
  priority: "medium" as const,
  messageKey: "roundAbnormalFinding",
  summary: { en: "Puncture site: haematoma", fr: "Point de ponction : hématome" },
  refs: { roundId: "r1", itemId: subjectKey },
});

describe("raiseExternalAlarm", () => {
  it("opens an active alarm on the episode's bed and unit, logs it and audits it, in the caller's transaction", async () => {
    const raised = await test.db.$transaction((tx) =>
      raiseExternalAlarm({ db: tx, input: finding("puncture-site"), actor, context: null, origin: "rounds" }),
    );
    const alarm = await test.db.alarm.findUniqueOrThrow({ where: { id: raised.alarmId } });
    expect(alarm).toMatchObject({
      unitId: world.unitId,
      bedId: world.bedId,
      status: "active",
      priority: "medium",
      origin: "rounds",
      limitSource: "external",
      lastEventSeq: BigInt(raised.eventSeq ?? -1),
    });
    expect(alarm.details).toMatchObject({ summary: { en: "Puncture site: haematoma" }, refs: { roundId: "r1" } });
    const events = await test.db.alarmEvent.findMany({ where: { alarmId: alarm.id } });
    expect(events.map((e) => [e.type, e.status, e.actorId])).toEqual([["raised", "active", nurse.userId]]);
    expect(
      await test.db.auditEvent.count({ where: { action: "alarm.raised", targetId: alarm.id, actorId: nurse.userId } }),
    ).toBe(1);
  });

  it("returns the open alarm unchanged when the same finding is raised again", async () => {
    const first = await raiseExternalAlarm({
      db: test.db,
      input: finding("left-leg"),
      actor,
      context: null,
      origin: "rounds",
    });
    const again = await raiseExternalAlarm({
      db: test.db,
      input: finding("left-leg"),
      actor,
      context: null,
      origin: "rounds",
    });
    expect(again).toEqual({ alarmId: first.alarmId, eventSeq: null });
    expect(await test.db.alarmEvent.count({ where: { alarmId: first.alarmId } })).toBe(1);
  });

  it("writes nothing when the caller's transaction fails after it", async () => {
    const before = await test.db.alarm.count();
    await expect(
      test.db.$transaction(async (tx) => {
        await raiseExternalAlarm({ db: tx, input: finding("pupils"), actor, context: null, origin: "rounds" });
        throw new Error("the round could not be saved");
      }),
    ).rejects.toThrow("the round could not be saved");
    expect(await test.db.alarm.count()).toBe(before);
    const raisedAudits = await test.db.auditEvent.findMany({
      where: { action: "alarm.raised" },
      select: { details: true },
    });
    expect(raisedAudits.filter((a) => JSON.stringify(a.details).includes("pupils"))).toEqual([]);
  });

  it("refuses an engine rule id, a high priority, and an unknown or ended episode, saying which", async () => {
    const engineRule = raiseExternalAlarm({
      db: test.db,
      input: { ...finding("x"), ruleId: "lactate-high" },
      actor,
      context: null,
      origin: "rounds",
    });
    await expect(engineRule).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(engineRule).rejects.toThrow(/lactate-high/);
    const high = raiseExternalAlarm({
      db: test.db,
      input: { ...finding("x"), priority: "high" as never },
      actor,
      context: null,
      origin: "rounds",
    });
    await expect(high).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(high).rejects.toThrow(/priority/);
    await expect(
      raiseExternalAlarm({
        db: test.db,
        input: { ...finding("x"), episodeId: "nope" },
        actor,
        context: null,
        origin: "rounds",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ended = await seedTestEpisode(test.db, { suffix: "2" });
    await test.db.supportEpisode.update({ where: { id: ended.episodeId }, data: { endedAt: new Date() } });
    await expect(
      raiseExternalAlarm({
        db: test.db,
        input: { ...finding("x"), episodeId: ended.episodeId },
        actor,
        context: null,
        origin: "rounds",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("clearExternalAlarm", () => {
  it("resolves the open alarm, frees its key for a new raise, logs and audits it", async () => {
    const raised = await raiseExternalAlarm({
      db: test.db,
      input: finding("right-leg"),
      actor,
      context: null,
      origin: "rounds",
    });
    const seq = await clearExternalAlarm({
      db: test.db,
      input: { episodeId: world.episodeId, ruleId: "round-abnormal-finding", subjectKey: "right-leg" },
      actor,
      context: null,
      origin: "rounds",
    });
    expect(seq).toBeGreaterThan(raised.eventSeq ?? Infinity);
    const alarm = await test.db.alarm.findUniqueOrThrow({ where: { id: raised.alarmId } });
    expect(alarm).toMatchObject({
      status: "resolved",
      resolution: "cleared",
      openKey: null,
      conditionActive: false,
      lastEventSeq: BigInt(seq ?? -1),
    });
    expect(await test.db.auditEvent.count({ where: { action: "alarm.cleared", targetId: alarm.id } })).toBe(1);
    const next = await raiseExternalAlarm({
      db: test.db,
      input: finding("right-leg"),
      actor,
      context: null,
      origin: "rounds",
    });
    expect(next.alarmId).not.toBe(raised.alarmId);
  });

  it("does nothing for an alarm that is not open, and refuses another origin's alarm", async () => {
    expect(
      await clearExternalAlarm({
        db: test.db,
        input: { episodeId: world.episodeId, ruleId: "round-abnormal-finding", subjectKey: "never" },
        actor,
        context: null,
        origin: "rounds",
      }),
    ).toBeNull();
    await raiseExternalAlarm({ db: test.db, input: finding("transit"), actor, context: null, origin: "rounds" });
    await expect(
      clearExternalAlarm({
        db: test.db,
        input: { episodeId: world.episodeId, ruleId: "round-abnormal-finding", subjectKey: "transit" },
        actor,
        context: null,
        origin: "handover",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("an outside alarm of the stay (a laboratory result that could not be read)", () => {
  it("names the support running, outlives its end, and ends when its raiser clears it by the stay", async () => {
    const t = await createTestDb();
    try {
      const w = await seedTestEpisode(t.db);
      const input = {
        stayId: w.stayId,
        ruleId: "lab-result-unreadable",
        subjectKey: "refusal-1",
        priority: "technical" as const,
        messageKey: "labResultUnreadable",
        summary: { en: "Anti-Xa, unit “x”", fr: "Anti-Xa, unité « x »" },
      };
      const { alarmId } = await raiseExternalAlarm({ db: t.db, input, actor: null, context: null, origin: "labs" });
      expect(await t.db.alarm.findUniqueOrThrow({ where: { id: alarmId } })).toMatchObject({
        stayId: w.stayId,
        episodeId: w.episodeId,
        bedId: w.bedId,
        status: "active",
      });
      await expect(
        raiseExternalAlarm({
          db: t.db,
          input: { ...input, episodeId: w.episodeId },
          actor: null,
          context: null,
          origin: "labs",
        }),
      ).rejects.toThrow(/an episode or a stay/);

      await t.db.supportEpisode.update({ where: { id: w.episodeId }, data: { endedAt: new Date() } });
      expect(await endAlarmsOfEndedEpisodes({ db: t.db, now: new Date() })).toBe(0);
      expect(await t.db.alarm.findUniqueOrThrow({ where: { id: alarmId } })).toMatchObject({ status: "active" });

      const { stayId, ruleId, subjectKey } = input;
      expect(
        await clearExternalAlarm({
          db: t.db,
          input: { stayId, ruleId, subjectKey },
          actor: null,
          context: null,
          origin: "labs",
        }),
      ).not.toBeNull();
      expect(await t.db.alarm.findUniqueOrThrow({ where: { id: alarmId } })).toMatchObject({ status: "resolved" });
    } finally {
      await t.cleanup();
    }
  });
});
