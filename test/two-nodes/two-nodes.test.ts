import { afterAll, describe, expect, it } from "vitest";
import type { TObservationDto } from "@/lib/observations/observation";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/server/migrate";
import {
  createPostgresTestDb,
  readOnOtherConnection,
  testsUsePostgres,
  type TestDb,
} from "@/test/support/create-test-db";
import { connectTestSocket, handshake, type TestSocket } from "@/test/support/connect-test-socket";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import {
  createLockDatabase,
  deviceReadingsMessage,
  sendHl7,
  startStationNode,
  type TStationNode,
} from "@/test/support/station-node";
import { recordedReadings } from "@/test/support/recorded-readings";

/**
 * Two real station processes with Redis between them (docs/deployment.md). With TEST_DATABASE=postgres (`npm run
 * test:unit:pg`, which sets REDIS_URL) they share a PostgreSQL database, which also holds the leader lock: the way a
 * hospital runs several nodes. Otherwise they share one SQLite file (WAL), with a PostgreSQL database of its own for
 * the lock (LEADER_LOCK_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres). Skipped, and so reported,
 * without REDIS_URL.
 */
const UNIT = "import-unit";
const MESSAGES = 60;
/** Odd, so that the message just before it goes to A, the leader, and is in flight when A is killed. */
const KILL_AT = 31;

const nodes: TStationNode[] = [];
const sockets: TestSocket[] = [];
let cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const node of nodes) if (node.process.exitCode === null) node.process.kill("SIGKILL");
  await Promise.all(nodes.map((n) => n.exited));
  for (const step of cleanup) await step();
  cleanup = [];
});

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.skipIf(!process.env.REDIS_URL)("two station nodes", () => {
  it("tells a screen on node B every reading committed on A or B, and moves the leader's work when it is killed", async () => {
    // Migrated by Prisma's CLI as a real station's database is: the nodes then find nothing pending.
    const root = path.resolve(import.meta.dirname, "../..");
    let t: TestDb;
    let lockUrl: string;
    if (testsUsePostgres()) {
      t = await createPostgresTestDb({ migrations: false });
      cleanup.push(() => t.cleanup());
      await applyMigrations(t.url, root);
      lockUrl = t.url;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), "station-nodes-"));
      const file = path.join(dir, "station.db");
      const url = `file:${file}`;
      await applyMigrations(url, root);
      const db = await createDb(url);
      t = {
        db,
        url,
        path: file,
        async cleanup() {
          await db.$disconnect();
          rmSync(dir, { recursive: true, force: true });
        },
      };
      cleanup.push(() => t.cleanup());
      const lock = await createLockDatabase();
      cleanup.push(() => lock.drop());
      lockUrl = lock.url;
    }
    const started = new Date(Date.now() - 3_600_000);
    await seedImportPatients(t.db, [
      { identifier: "MRN-NODES-1", episodeStartedAt: started },
      { identifier: "MRN-NODES-2", episodeStartedAt: started },
    ]);
    const nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [UNIT] });
    // Read on a connection of its own, as a third process would: what it sees was committed.
    const read = <R extends Record<string, unknown>>(sql: string) => readOnOtherConnection<R>(t, sql);
    const leader = async () =>
      (await read<{ epoch: number; nodeId: string }>(`SELECT "epoch", "nodeId" FROM "LeaderEpoch"`))[0];

    const env = { DATABASE_URL: t.url, REDIS_URL: process.env.REDIS_URL ?? "", LEADER_LOCK_URL: lockUrl };
    const a = await startStationNode({ name: "node-a", env });
    nodes.push(a);
    await waitFor("node A to lead", async () => (await leader())?.nodeId === "node-a");
    const b = await startStationNode({ name: "node-b", env });
    nodes.push(b);

    // The screen: follows the unit on node B, from the start of the log.
    const socket = connectTestSocket(b.base, { cookie: nurse.cookie });
    sockets.push(socket);
    expect(await handshake(socket)).toEqual({ connected: true });
    const live: number[] = [];
    socket.on("observation:recorded", (recorded) => live.push(...recordedReadings(recorded).map((o) => o.seq)));
    const replay = await socket.emitWithAck("unit:subscribe", { unitId: UNIT, sinceSeq: 0 });
    if (!replay.ok) throw new Error(replay.error.message);
    const seen = new Set([...replay.observations.map((o: TObservationDto) => o.seq)]);

    // Readings alternately to A and B (lactate high, then normal: alarms raised and resolved); A, the leader, is
    // killed with SIGKILL half-way, while messages are in flight.
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let killedAt = 0;
    let tookOverAt = 0;
    const base = Date.now() - 120_000;
    for (let i = 0; i < MESSAGES; i += 1) {
      if (i === KILL_AT) {
        a.process.kill("SIGKILL");
        killedAt = Date.now();
        // Watched beside the sending: the moment node B's claim of the next epoch is committed.
        void waitFor("node B to lead", async () => (await leader())?.nodeId === "node-b", 12_000).then(
          () => (tookOverAt = Date.now()),
          () => undefined,
        );
      }
      const target = i % 2 === 0 && i < KILL_AT ? a : b;
      const controlId = `N${i}`;
      const message = deviceReadingsMessage({
        controlId,
        patient: i % 4 < 2 ? "MRN-NODES-1" : "MRN-NODES-2",
        at: new Date(base + i * 1_000),
        readings: [{ parameter: "lactate", value: Math.floor(i / 4) % 2 === 0 ? 6.5 : 1.1, unit: "mmol/L" }],
      });
      // The last message before the kill is not awaited: it may or may not be acknowledged.
      const sent = sendHl7(target.mllpPort, message).then(
        (code) => void (code === "AA" ? acknowledged : refused).push(controlId),
        () => void refused.push(controlId),
      );
      if (i !== KILL_AT - 1) await sent;
    }

    // Leadership moved to B within 10 s of the kill, with the next epoch.
    await waitFor("node B to lead", () => tookOverAt > 0, 12_000);
    const tookOverMs = tookOverAt - killedAt;
    expect(tookOverMs).toBeLessThan(10_000);
    expect((await leader())?.epoch).toBe(2);

    // Every acknowledged reading is in the database.
    const stored = await read<{ seq: number; sourceRef: string }>(
      `SELECT o."seq", o."sourceRef" FROM "Observation" o JOIN "Bed" b ON b."id" = o."bedId" WHERE b."unitId" = '${UNIT}'`,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(MESSAGES - 2);
    for (const id of acknowledged) expect(stored.some((row) => row.sourceRef.includes(id))).toBe(true);

    // The screen on B got exactly the database's readings: no gap, no duplicate among the live messages.
    const dbSeqs = stored.map((row) => row.seq).sort((x, y) => x - y);
    await waitFor("the screen to hold every reading", () => {
      for (const seq of live) seen.add(seq);
      return dbSeqs.every((seq) => seen.has(seq));
    });
    expect([...seen].sort((x, y) => x - y)).toEqual(dbSeqs);
    expect(new Set(live).size).toBe(live.length);

    // The new leader's engine judged every reading, those committed by A included: its stored state of each
    // stay is at the stay's last reading.
    await waitFor("the engine to judge every reading", async () => {
      const [behind] = await read<{ n: number }>(
        `SELECT COUNT(*) AS "n" FROM "Stay" st
             WHERE st."id" IN (SELECT "stayId" FROM "Observation")
               AND COALESCE((SELECT "lastSeq" FROM "AlarmEngineState" s WHERE s."stayId" = st."id"), 0)
                 < (SELECT MAX("seq") FROM "Observation" o WHERE o."stayId" = st."id")`,
      );
      return behind?.n === 0;
    });
    // Alarm events: a log without holes, at most one open alarm of a rule per episode, and no alarm raised twice.
    const events = await read<{ seq: number; type: string; alarmId: string | null }>(
      `SELECT "seq", "type", "alarmId" FROM "AlarmEvent" ORDER BY "seq"`,
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => (events[0]?.seq ?? 0) + i));
    const raised = events.filter((e) => e.type === "raised").map((e) => e.alarmId);
    expect(new Set(raised).size).toBe(raised.length);
    const open = await read(
      `SELECT "episodeId", "ruleId", COUNT(*) AS "n" FROM "Alarm"
           WHERE "status" IN ('active','acknowledged','latched')
           GROUP BY "episodeId", "ruleId" HAVING COUNT(*) > 1`,
    );
    expect(open).toEqual([]);
    console.info(
      `two nodes: ${acknowledged.length}/${MESSAGES} acknowledged, ${stored.length} stored, ` +
        `${live.length} live on B, ${events.length} alarm events, leader moved in ${tookOverMs} ms`,
    );
  }, 180_000);
});
