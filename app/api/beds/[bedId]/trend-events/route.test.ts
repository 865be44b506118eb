import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TBedTrendEvents } from "@/lib/bed/bed-trend-events";
import { raiseExternalAlarm } from "@/lib/db/alarms/raise-external-alarm";
import { provideDb } from "@/lib/db/get-db";
import { installDefaultRoundTemplates } from "@/lib/db/rounds/install-default-round-templates";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { GET } from "./route";

const HOUR = 3_600_000;
let test: TestDb;
let world: TestEpisode;
let member: { cookie: string };
let outsider: { cookie: string };
const now = Date.now();

beforeAll(async () => {
  test = await createTestDb();
  world = await seedTestEpisode(test.db);
  const other = await seedTestEpisode(test.db, { suffix: "2" });
  const session = await signInTestUser(test.db, { role: "nurse", unitIds: [world.unitId] });
  member = { cookie: session.cookie };
  outsider = { cookie: (await signInTestUser(test.db, { role: "nurse", unitIds: [other.unitId] })).cookie };
  provideDb(test.db);

  // Two alarms, one raised 3 h ago and one 30 h ago; two rounds, a normal one 2 h ago and an abnormal one 26 h ago.
  const raise = async (subjectKey: string, hoursAgo: number, priority: "medium" | "low") => {
    const { alarmId } = await raiseExternalAlarm({
      db: test.db,
      input: {
        episodeId: world.episodeId,
        ruleId: "round-abnormal-finding",
        subjectKey,
        priority,
        messageKey: "roundAbnormalFinding",
        summary: { en: subjectKey, fr: subjectKey },
        refs: {},
      },
      actor: null,
      context: null,
      origin: "rounds",
    });
    await test.db.alarm.update({ where: { id: alarmId }, data: { raisedAt: new Date(now - hoursAgo * HOUR) } });
  };
  await raise("recent", 3, "medium");
  await raise("older", 30, "low");
  await installDefaultRoundTemplates({ db: test.db });
  const template = await test.db.roundTemplate.findFirstOrThrow({ where: { deviceType: "VA_ECMO" } });
  const round = (id: string, hoursAgo: number, abnormalCount: number) =>
    test.db.round.create({
      data: {
        id,
        unitId: world.unitId,
        bedId: world.bedId,
        episodeId: world.episodeId,
        templateId: template.id,
        signedAt: new Date(now - hoursAgo * HOUR),
        signedById: session.userId,
        frequencies: ["hourly"],
        abnormalCount,
      },
    });
  await round("round-recent", 2, 0);
  await round("round-older", 26, 1);
});
afterAll(async () => {
  await test.cleanup();
});

const call = async (bedId: string, query: string, headers = member) => {
  const response = await GET(new Request(`http://station.test/api/beds/${bedId}/trend-events?${query}`, { headers }), {
    params: Promise.resolve({ bedId }),
  });
  return {
    status: response.status,
    body: (await response.json()) as TBedTrendEvents & { error?: { code: string; message: string } },
  };
};

describe("GET /api/beds/:bedId/trend-events", () => {
  it("answers the alarms raised and the rounds signed within the window, oldest first", async () => {
    const { status, body } = await call(world.bedId, `from=${now - 24 * HOUR}`);
    expect(status).toBe(200);
    expect(body.alarms.map((a) => [a.summary?.en, a.priority, a.status])).toEqual([["recent", "medium", "active"]]);
    expect(body.rounds.map((r) => [r.id, r.abnormalCount, r.signedBy.length > 0])).toEqual([["round-recent", 0, true]]);
    expect(body.truncated).toBe(false);
  });

  it("answers the whole episode without bounds", async () => {
    const { body } = await call(world.bedId, "");
    expect(body.alarms.map((a) => a.summary?.en)).toEqual(["older", "recent"]);
    expect(body.rounds.map((r) => r.id)).toEqual(["round-older", "round-recent"]);
  });

  it("answers 400 naming a bad bound, 403 to a nurse of another unit, 404 for an unknown bed", async () => {
    const bad = await call(world.bedId, "from=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/from: must be epoch milliseconds/);
    expect((await call(world.bedId, "", outsider)).status).toBe(403);
    expect((await call("no-such-bed", "")).status).toBe(404);
  });

  it("with no support running, answers the open stay's alarms and its earlier support's rounds (issue 15)", async () => {
    // The balloon or the circuit came out 90 min ago; a lactate alarm was raised with no episode 1 h ago.
    await test.db.supportEpisode.update({
      where: { id: world.episodeId },
      data: { endedAt: new Date(now - 1.5 * HOUR) },
    });
    const first = await test.db.alarm.findFirstOrThrow({ where: { episodeId: world.episodeId } });
    const { id: _id, openKey: _openKey, lastEventSeq: _seq, ...copy } = first;
    await test.db.alarm.create({
      data: {
        ...copy,
        id: "stay-only-lactate",
        episodeId: null,
        ruleId: "lactate-high",
        subjectKey: "",
        origin: "engine",
        details: {},
        lastEventSeq: 0n,
        raisedAt: new Date(now - HOUR),
        conditionSince: new Date(now - HOUR),
      },
    });
    const { status, body } = await call(world.bedId, "");
    expect(status).toBe(200);
    expect(body.alarms.map((a) => a.id)).toContain("stay-only-lactate");
    expect(body.alarms.find((a) => a.id === "stay-only-lactate")?.episodeId).toBeNull();
    expect(body.rounds.map((r) => r.id)).toEqual(["round-older", "round-recent"]);
  });
});
