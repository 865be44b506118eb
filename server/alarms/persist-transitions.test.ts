import { afterEach, beforeEach, expect, it } from "vitest";
import { emptyAlarmState, type TAlarmTransition } from "@/lib/alarms/alarm-state";
import { createTestDb, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { moveStay } from "@/lib/db/stays/move-stay";
import { persistTransitions } from "./persist-transitions";
import type { TStayMemory } from "./stay-memory";

let test: TestDb;
let episodes: TestEpisode[];

beforeEach(async () => {
  test = await createTestDb();
  episodes = [];
  for (const suffix of ["1", "2", "3"]) episodes.push(await seedTestEpisode(test.db, { suffix }));
});
afterEach(() => test.cleanup());

const raised = (seq: number): TAlarmTransition => ({
  type: "raised",
  ruleId: "lactate-high",
  priority: "high",
  messageKey: "alarm.lactateHigh",
  parameter: "lactate",
  value: 6.2,
  limit: 4,
  comparison: "gt",
  unit: "mmol/L",
  observedAt: Date.now() - 1_000,
  seq,
  conditionSince: Date.now() - 1_000,
  clearedBySeq: null,
  latched: false,
  resumed: false,
  supersededBy: null,
  prompt: null,
  source: { id: "test-source", citation: "test citation" },
});

const memoryOf = ({ stayId, unitId, bedId, episodeId }: TestEpisode, seq: number): TStayMemory => ({
  id: stayId,
  unitId,
  bedId,
  episodeId,
  context: { deviceType: "VA_ECMO", startedAt: Date.now() - 86_400_000 },
  state: emptyAlarmState(),
  lastSeq: seq,
  dirty: true,
  pending: [raised(seq)],
  ending: [],
  catchingUpUntil: 0,
});

/*
 * An alarm event takes the log-order lock, which every node's readings wait for until the commit: the engine commits
 * each stay's alarms on their own, rather than all of a judgement's in one transaction that held the lock for seconds
 * after a start (docs/deployment.md, "Other-node latency").
 */
it("commits each stay's alarms and state in a transaction of their own, the engine's position with the last", async () => {
  const memories = episodes.map((e, i) => memoryOf(e, 10 + i));
  // The fence opens each transaction: what another connection sees committed at that moment.
  const committedAtFence: number[] = [];
  await persistTransitions({
    db: test.db,
    fence: async () => {
      const [row] = await readOnOtherConnection<{ n: number }>(test, `SELECT COUNT(*) AS "n" FROM "AlarmEvent"`);
      committedAtFence.push(Number(row?.n));
    },
    changed: memories,
    provenanceOf: () => new Map(),
    judgedThrough: 12,
    now: new Date(),
  });

  expect(committedAtFence).toEqual([0, 1, 2]);
  expect(await test.db.alarm.count({ where: { ruleId: "lactate-high", status: "active" } })).toBe(3);
  expect(await test.db.alarmEvent.count()).toBe(3);
  const states = await test.db.alarmEngineState.findMany({ select: { stayId: true, lastSeq: true } });
  expect(new Map(states.map((s) => [s.stayId, Number(s.lastSeq)]))).toEqual(
    new Map(episodes.map((e, i) => [e.stayId, 10 + i])),
  );
  const [position] = await readOnOtherConnection<{ seq: number }>(
    test,
    `SELECT "observationSeq" AS "seq" FROM "ChangeFollower"`,
  );
  expect(Number(position?.seq)).toBe(12);
  for (const memory of memories) expect(memory).toMatchObject({ pending: [], dirty: false });
});

it("writes a stay's new alarm on the bed the stay is in, when the engine has not yet heard of its move", async () => {
  const [moved] = episodes;
  if (!moved) throw new Error("seeded");
  await test.db.bed.create({ data: { id: "test-bed-9", unitId: moved.unitId, label: "T9", position: 9 } });
  await moveStay({ db: test.db, input: { stayId: moved.stayId, toBedId: "test-bed-9" }, actor: null, context: null });
  // The engine's memory still holds the bed the patient left (the move's stay:changed is not yet judged).
  await persistTransitions({
    db: test.db,
    fence: undefined,
    changed: [memoryOf(moved, 20)],
    provenanceOf: () => new Map(),
    judgedThrough: 20,
    now: new Date(),
  });
  const alarm = await test.db.alarm.findFirstOrThrow({ where: { stayId: moved.stayId }, select: { bedId: true } });
  expect(alarm.bedId).toBe("test-bed-9");
});
