import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAlarmState, type TAlarmTransition } from "@/lib/alarms/alarm-state";
import { alarmOpenKey } from "@/lib/alarms/external-alarm-schema";
import type { TPrincipal } from "@/lib/auth/principal";
import { acknowledgeAlarm } from "@/lib/db/alarms/acknowledge-alarm";
import { createPostgresTestDb, type TestDb } from "@/test/support/create-test-db";
import { holdBeforeCreate, outcome, someoneWaitsForALock } from "@/test/support/hold-transaction";
import { seedOpenAlarm, seedTestNurse } from "@/test/support/seed-test-alarm";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { persistTransitions } from "./persist-transitions";

/*
 * The engine's transaction for a stay beside a nurse acknowledging one of its alarms, on PostgreSQL. The
 * acknowledgement updates its alarm's row, then appends its event, which takes the log-order lock. The engine ended
 * the alarms of rules whose support had ended, events included, then wrote the rows of its transitions: holding the
 * log-order lock, it waited for the row the acknowledgement held while that waited for the lock ('deadlock
 * detected'). The acknowledgement is held between its row and its event until the engine waits for it.
 */
let testDb: TestDb;
let episode: TestEpisode;
let nurse: TPrincipal;
beforeEach(async () => {
  testDb = await createPostgresTestDb();
  episode = await seedTestEpisode(testDb.db);
  nurse = await seedTestNurse(testDb.db, episode);
});
afterEach(() => testDb.cleanup());

/** The engine's clear of `ruleId`'s alarm: its condition has gone. */
const cleared = (ruleId: string): TAlarmTransition => ({
  type: "cleared",
  ruleId,
  priority: "medium",
  messageKey: "alarm.test",
  parameter: "map",
  value: 70,
  limit: 65,
  comparison: "lt",
  unit: "mm[Hg]",
  observedAt: Date.now() - 1_000,
  seq: null,
  conditionSince: Date.now() - 3_600_000,
  clearedBySeq: null,
  latched: false,
  resumed: false,
  supersededBy: null,
  prompt: null,
  source: { id: "test-source", citation: "test citation" },
});

describe.runIf(process.env.TEST_DATABASE === "postgres")("the alarm engine's transaction for a stay", () => {
  it("waits for an acknowledgement of an alarm it clears while it ends another, and both commit", async () => {
    const { stayId } = episode;
    for (const ruleId of ["ended-rule", "cleared-rule"])
      await seedOpenAlarm(testDb.db, episode, {
        id: ruleId,
        ruleId,
        openKey: alarmOpenKey(stayId, ruleId, ""),
        origin: "engine",
      });
    // The acknowledgement of the alarm the engine clears has updated its row and is held before its event.
    const held = holdBeforeCreate(testDb.db, "alarmEvent");
    const acknowledging = acknowledgeAlarm({
      db: held.db,
      principal: nurse,
      input: { alarmId: "cleared-rule", reason: "treated" },
      context: null,
      via: "test",
    });
    await held.paused;
    const persisting = persistTransitions({
      db: testDb.db,
      fence: undefined,
      changed: [
        {
          id: stayId,
          unitId: episode.unitId,
          bedId: episode.bedId,
          episodeId: episode.episodeId,
          context: { deviceType: "VA_ECMO", startedAt: Date.now() - 86_400_000 },
          state: emptyAlarmState(),
          lastSeq: 10,
          dirty: true,
          pending: [cleared("cleared-rule")],
          ending: ["ended-rule"],
          catchingUpUntil: 0,
        },
      ],
      provenanceOf: () => new Map(),
      judgedThrough: 10,
      now: new Date(),
    });
    const waited = await someoneWaitsForALock(testDb.db, 5_000);
    held.release();
    const [persisted, acknowledged] = await Promise.allSettled([persisting, acknowledging]);
    expect(waited).toBe(true);
    expect(outcome(acknowledged)).toBe("committed");
    expect(outcome(persisted)).toBe("committed");
    const alarms = await testDb.db.alarm.findMany({ orderBy: { id: "asc" }, select: { id: true, resolution: true } });
    expect(alarms).toEqual([
      { id: "cleared-rule", resolution: "cleared" },
      { id: "ended-rule", resolution: "episode-ended" },
    ]);
  }, 30_000);
});
