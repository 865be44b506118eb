import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TAlarmTransition } from "@/lib/alarms/alarm-state";
import { createPostgresTestDb, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { applyAlarmTransitions } from "./apply-alarm-transitions";
import type { TAlarmDb } from "./append-alarm-event";

let test: TestDb;
let episode: TestEpisode;

beforeEach(async () => {
  test = await createPostgresTestDb();
  episode = await seedTestEpisode(test.db);
});
afterEach(() => test.cleanup());

const raised = (ruleId: string, seq: number): TAlarmTransition => ({
  type: "raised",
  ruleId,
  priority: "high",
  messageKey: "alarm.test",
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

/**
 * The log-order lock (pg_advisory_xact_lock(7305155001), prisma/postgres/migrations) as pg_locks shows it, granted, in
 * this test's database only: pg_locks spans the server, where other test files' databases take the same lock.
 */
const LOG_ORDER_LOCK_HELD = `SELECT COUNT(*) AS "n" FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND classid = 1 AND objid = 3010187705 AND objsubid = 1
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/*
 * Every node's readings wait for the log-order lock an alarm event takes until the engine's commit (docs/deployment.md,
 * "Other-node latency"): a stay's alarm rows are written before its first event, so that the lock covers its events
 * only. Only on PostgreSQL (`npm run test:unit:pg`), where the lock exists.
 */
describe.runIf(process.env.TEST_DATABASE === "postgres")("a stay's alarm transitions on PostgreSQL", () => {
  it("writes every alarm row before the first event takes the log-order lock", async () => {
    const heldAtEachAlarmWrite: number[] = [];
    await test.db.$transaction(async (tx) => {
      // The transaction's alarm writes, each preceded by a look at the lock from another connection.
      const watched: TAlarmDb = {
        alarmEvent: tx.alarmEvent,
        auditEvent: tx.auditEvent,
        alarm: new Proxy(tx.alarm, {
          get(target, property, receiver) {
            const value: unknown = Reflect.get(target, property, receiver);
            if (property !== "create" || typeof value !== "function") return value;
            return async (...args: unknown[]) => {
              const [row] = await readOnOtherConnection<{ n: number }>(test, LOG_ORDER_LOCK_HELD);
              heldAtEachAlarmWrite.push(Number(row?.n));
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        }),
      };
      await applyAlarmTransitions({
        db: watched,
        stay: { id: episode.stayId, unitId: episode.unitId, bedId: episode.bedId, episodeId: episode.episodeId },
        transitions: [raised("lactate-high", 10), raised("map-low", 11), raised("hr-high", 12)],
        provenance: new Map(),
      });
    });
    expect(heldAtEachAlarmWrite).toEqual([0, 0, 0]);
    const events = await readOnOtherConnection<{ type: string; n: number }>(
      test,
      `SELECT "type", COUNT(*) AS "n" FROM "AlarmEvent" GROUP BY "type"`,
    );
    expect(events).toEqual([{ type: "raised", n: 3 }]);
  }, 30_000);
});
